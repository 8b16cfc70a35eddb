import type * as ast from 'dockerfile-ast';
import type { Instruction } from '../../dockerfile/model';
import { defineRule, hadolintDocs, instructionsOf } from '../define';

// Short (7) or full (40) SHA-1 object names, lowercase as git prints them.
const GIT_HASH = /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/;

function isGitHash(value: string): boolean {
  return GIT_HASH.test(value);
}

/** Label values as the build sees them (quotes and escapes resolved), by property index. */
function resolvedValues(instruction: Instruction): (string | null)[] {
  const node = instruction.node as Partial<ast.Label>;
  if (typeof node.getProperties !== 'function') return instruction.properties.map((kv) => kv.rawValue);
  return node.getProperties().map((p) => p.getValue());
}

export default defineRule(
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
  (ctx) => {
    const schema = ctx.settings.labelSchema;
    const labels = new Set(Object.keys(schema).filter((k) => schema[k] === 'hash'));
    if (labels.size === 0) return;
    for (const instruction of instructionsOf(ctx.model, 'LABEL')) {
      const values = resolvedValues(instruction);
      instruction.properties.forEach((kv, i) => {
        const value = values[i] ?? '';
        // Empty values are DL3051's finding; a `$VAR` value is only known at build time.
        if (!labels.has(kv.key) || value === '' || value.includes('$') || isGitHash(value)) return;
        ctx.report({
          range: kv.valueRange ?? kv.range,
          message: `Label \`${kv.key}\` is not a valid git hash: \`${value}\` (expected 7 or 40 lowercase hexadecimal digits)`,
        });
      });
    }
  },
);
