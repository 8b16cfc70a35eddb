// The labels a label schema (`label-schema` in .hadolint.yaml) gives a type, for the rules that check their values.
import type { Instruction, KeyValue } from '../dockerfile/model';
import type { LabelType, RuleContext } from './types';

export interface TypedLabel {
  kv: KeyValue;
  /** The value as the build sees it: quotes and escapes resolved. */
  value: string;
}

/**
 * The pairs of a LABEL (or ONBUILD LABEL) whose key the schema types as `type` and whose value can be judged: not
 * empty (that is DL3051's finding) and without `$VAR` (only known at build time).
 */
export function typedLabels(instruction: Instruction, ctx: RuleContext, type: LabelType): TypedLabel[] {
  const schema = ctx.settings.labelSchema;
  const out: TypedLabel[] = [];
  for (const kv of instruction.properties) {
    const value = kv.value ?? '';
    if (schema[kv.key] === type && value !== '' && !value.includes('$')) out.push({ kv, value });
  }
  return out;
}
