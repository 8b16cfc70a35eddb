import type * as ast from 'dockerfile-ast';
import type { Instruction } from '../../dockerfile/model';
import { defineRule, hadolintDocs, instructionsOf } from '../define';

/** Label values as the build sees them (quotes and escapes resolved), by property index. */
function resolvedValues(instruction: Instruction): (string | null)[] {
  const node = instruction.node as Partial<ast.Label>;
  if (typeof node.getProperties !== 'function') return instruction.properties.map((kv) => kv.rawValue);
  return node.getProperties().map((p) => p.getValue());
}

export default defineRule(
  {
    id: 'DL3051',
    source: 'hadolint',
    severity: 'warning',
    description: 'Label `<label>` is empty',
    rationale:
      'A label the schema requires carries information people and tools rely on. Setting it to an empty string satisfies a presence check while telling nothing, which is worse than a visible gap.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=""\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.2"\n',
    },
    docs: hadolintDocs('DL3051'),
    fixable: false,
  },
  (ctx) => {
    const schema = ctx.settings.labelSchema;
    if (Object.keys(schema).length === 0) return;
    for (const instruction of instructionsOf(ctx.model, 'LABEL')) {
      const values = resolvedValues(instruction);
      instruction.properties.forEach((kv, i) => {
        if (!Object.prototype.hasOwnProperty.call(schema, kv.key) || (values[i] ?? '') !== '') return;
        ctx.report({ range: kv.range, message: `Label \`${kv.key}\` is empty: give it a value` });
      });
    }
  },
);
