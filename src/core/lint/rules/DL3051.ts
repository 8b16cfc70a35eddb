import { defineInstructionRule, hadolintDocs } from '../define';

export default defineInstructionRule(
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
  'LABEL',
  (instruction, ctx) => {
    const schema = ctx.settings.labelSchema;
    if (Object.keys(schema).length === 0) return;
    for (const kv of instruction.properties) {
      if (!Object.prototype.hasOwnProperty.call(schema, kv.key) || (kv.value ?? '') !== '') continue;
      ctx.report({ range: kv.range, message: `Label \`${kv.key}\` is empty: give it a value` });
    }
  },
);
