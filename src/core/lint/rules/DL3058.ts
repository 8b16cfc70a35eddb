import { defineInstructionRule, hadolintDocs } from '../define';
import { typedLabels } from '../label-schema';

// RFC 5322 addr-spec: dot-atom or quoted local part, dot-atom or [literal] domain.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const EMAIL = new RegExp(`^(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@(?:${ATOM}(?:\\.${ATOM})*|\\[[^[\\]\\\\\\r\\n]*\\])$`);

function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export default defineInstructionRule(
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
  'LABEL',
  (instruction, ctx) => {
    for (const { kv, value } of typedLabels(instruction, ctx, 'email')) {
      if (isEmail(value)) continue;
      ctx.report({
        range: kv.valueRange ?? kv.range,
        message: `Label \`${kv.key}\` is not a valid email address: \`${value}\` (expected a bare address such as \`team@example.com\`)`,
      });
    }
  },
);
