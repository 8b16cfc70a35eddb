import { defineInstructionRule, hadolintDocs } from '../define';
import { typedLabels } from '../label-schema';

// Short (7) or full (40) SHA-1 object names, lowercase as git prints them.
const GIT_HASH = /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/;

function isGitHash(value: string): boolean {
  return GIT_HASH.test(value);
}

export default defineInstructionRule(
  {
    id: 'DL3055',
    source: 'hadolint',
    severity: 'warning',
    description: 'Label `<label>` is not a valid git hash',
    rationale:
      'A revision label ties the image to the exact commit it was built from. Only a full (40) or short (7) lowercase hexadecimal git hash does that; a branch name or tag moves, so the label would point at different code over time.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="4f2c9d1"\n',
    },
    docs: hadolintDocs('DL3055'),
    fixable: false,
  },
  'LABEL',
  (instruction, ctx) => {
    for (const { kv, value } of typedLabels(instruction, ctx, 'hash')) {
      if (isGitHash(value)) continue;
      ctx.report({
        range: kv.valueRange ?? kv.range,
        message: `Label \`${kv.key}\` is not a valid git hash: \`${value}\` (expected 7 or 40 lowercase hexadecimal digits)`,
      });
    }
  },
);
