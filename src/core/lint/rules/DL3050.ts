import { defineInstructionRule, hadolintDocs } from '../define';

export default defineInstructionRule(
  {
    id: 'DL3050',
    source: 'hadolint',
    severity: 'info',
    description: 'Superfluous label(s) present',
    rationale:
      'With `strict-labels` on, the label schema is the complete list of labels an image may carry. A label outside it is usually a typo of a schema label or metadata nobody agreed to publish, and it ends up in every image built from the file.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.source': 'url' }, strictLabels: true },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" team="core"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n',
    },
    docs: hadolintDocs('DL3050'),
    fixable: false,
  },
  'LABEL',
  (instruction, ctx) => {
    if (!ctx.settings.strictLabels) return;
    const schema = ctx.settings.labelSchema;
    // One finding per label outside the schema (hadolint reports the LABEL instruction once).
    for (const kv of instruction.properties) {
      if (Object.prototype.hasOwnProperty.call(schema, kv.key)) continue;
      ctx.report({ range: kv.keyRange, message: `Superfluous label \`${kv.key}\`: strict-labels allows only the labels of the label schema` });
    }
  },
);
