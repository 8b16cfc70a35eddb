// The labels a label schema (`label-schema` in .hadolint.yaml) gives a type, for the rules that check their values.
import type { KeyValue } from '../dockerfile/model';
import { instructionsOf } from './define';
import type { LabelType, RuleContext } from './types';

export interface TypedLabel {
  kv: KeyValue;
  /** The value as the build sees it: quotes and escapes resolved. */
  value: string;
}

/**
 * LABEL pairs (ONBUILD LABEL too) whose key the schema types as `type` and whose value can be judged: not empty
 * (that is DL3051's finding) and without `$VAR` (only known at build time).
 */
export function* typedLabels(ctx: RuleContext, type: LabelType): Generator<TypedLabel> {
  const schema = ctx.settings.labelSchema;
  const keys = new Set(Object.keys(schema).filter((k) => schema[k] === type));
  if (keys.size === 0) return;
  for (const instruction of instructionsOf(ctx.model, 'LABEL')) {
    for (const kv of instruction.properties) {
      const value = kv.value ?? '';
      if (keys.has(kv.key) && value !== '' && !value.includes('$')) yield { kv, value };
    }
  }
}
