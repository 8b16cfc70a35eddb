import type * as ast from 'dockerfile-ast';
import type { Instruction } from '../../dockerfile/model';
import { defineRule, hadolintDocs, instructionsOf } from '../define';

// RFC 5322 addr-spec: dot-atom or quoted local part, dot-atom or [literal] domain.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const EMAIL = new RegExp(`^(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@(?:${ATOM}(?:\\.${ATOM})*|\\[[^[\\]\\\\\\r\\n]*\\])$`);

function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** Label values as the build sees them (quotes and escapes resolved), by property index. */
function resolvedValues(instruction: Instruction): (string | null)[] {
  const node = instruction.node as Partial<ast.Label>;
  if (typeof node.getProperties !== 'function') return instruction.properties.map((kv) => kv.rawValue);
  return node.getProperties().map((p) => p.getValue());
}

export default defineRule(
  {
    id: 'DL3058',
    source: 'hadolint',
    severity: 'warning',
    description: 'Label `<label>` is not a valid email format - must conform to RFC5322',
    rationale:
      'A label the schema types as an email address is where people and tools send questions and security reports. It must be a bare address (`team@example.com`); a name, a URL or `Name <address>` cannot be used as one.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.authors': 'email' } },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Platform Team"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="platform@example.com"\n',
    },
    docs: hadolintDocs('DL3058'),
    fixable: false,
  },
  (ctx) => {
    const schema = ctx.settings.labelSchema;
    const labels = new Set(Object.keys(schema).filter((k) => schema[k] === 'email'));
    if (labels.size === 0) return;
    for (const instruction of instructionsOf(ctx.model, 'LABEL')) {
      const values = resolvedValues(instruction);
      instruction.properties.forEach((kv, i) => {
        const value = values[i] ?? '';
        // Empty values are DL3051's finding; a `$VAR` value is only known at build time.
        if (!labels.has(kv.key) || value === '' || value.includes('$') || isEmail(value)) return;
        ctx.report({
          range: kv.valueRange ?? kv.range,
          message: `Label \`${kv.key}\` is not a valid email address: \`${value}\` (expected a bare address such as \`team@example.com\`)`,
        });
      });
    }
  },
);
