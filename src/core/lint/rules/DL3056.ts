import type * as ast from 'dockerfile-ast';
import type { Instruction } from '../../dockerfile/model';
import { defineRule, hadolintDocs, instructionsOf } from '../define';

// Semantic Versioning 2.0.0 (semver.org): no leading zeros, optional -pre.release and +build parts.
const NUMBER = '(?:0|[1-9]\\d*)';
const PRE = `(?:${NUMBER}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${PRE}(?:\\.${PRE})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`);

function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

/** Label values as the build sees them (quotes and escapes resolved), by property index. */
function resolvedValues(instruction: Instruction): (string | null)[] {
  const node = instruction.node as Partial<ast.Label>;
  if (typeof node.getProperties !== 'function') return instruction.properties.map((kv) => kv.rawValue);
  return node.getProperties().map((p) => p.getValue());
}

export default defineRule(
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
  (ctx) => {
    const schema = ctx.settings.labelSchema;
    const labels = new Set(Object.keys(schema).filter((k) => schema[k] === 'semver'));
    if (labels.size === 0) return;
    for (const instruction of instructionsOf(ctx.model, 'LABEL')) {
      const values = resolvedValues(instruction);
      instruction.properties.forEach((kv, i) => {
        const value = values[i] ?? '';
        // Empty values are DL3051's finding; a `$VAR` value is only known at build time.
        if (!labels.has(kv.key) || value === '' || value.includes('$') || isSemver(value)) return;
        ctx.report({
          range: kv.valueRange ?? kv.range,
          message: `Label \`${kv.key}\` does not conform to semantic versioning: \`${value}\` (expected MAJOR.MINOR.PATCH, e.g. \`1.2.0\` or \`2.0.1-rc1\`)`,
        });
      });
    }
  },
);
