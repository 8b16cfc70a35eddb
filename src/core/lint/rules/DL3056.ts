import { defineInstructionRule, hadolintDocs } from '../define';
import { typedLabels } from '../label-schema';

// Semantic Versioning 2.0.0 (semver.org): no leading zeros, optional -pre.release and +build parts.
const NUMBER = '(?:0|[1-9]\\d*)';
const PRE = `(?:${NUMBER}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${PRE}(?:\\.${PRE})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`);

function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

export default defineInstructionRule(
  {
    id: 'DL3056',
    source: 'hadolint',
    severity: 'warning',
    description: 'Label `<label>` does not conform to semantic versioning',
    rationale:
      'Tools compare version labels to decide what is newer or compatible, and they follow Semantic Versioning (MAJOR.MINOR.PATCH with optional pre-release and build parts). A value like `v2` or `1.2` cannot be ordered reliably.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.2"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.2.0"\n',
    },
    docs: hadolintDocs('DL3056'),
    fixable: false,
  },
  'LABEL',
  (instruction, ctx) => {
    for (const { kv, value } of typedLabels(instruction, ctx, 'semver')) {
      if (isSemver(value)) continue;
      ctx.report({
        range: kv.valueRange ?? kv.range,
        message: `Label \`${kv.key}\` does not conform to semantic versioning: \`${value}\` (expected MAJOR.MINOR.PATCH, e.g. \`1.2.0\` or \`2.0.1-rc1\`)`,
      });
    }
  },
);
