import { defineInstructionRule, hadolintDocs } from '../define';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
const LOWER_START = /^[a-z]/;
const LOWER_OR_DIGIT_END = /[a-z0-9]$/;
// As hadolint main, `_` and `/` are accepted besides Docker's letters, digits, `.` and `-`.
const INVALID_CHAR = /[^a-z0-9._/-]/;

/** Why a label key breaks Docker's key format, or null when it is valid. */
function problem(key: string): string | null {
  const reserved = RESERVED.find((ns) => key.startsWith(ns));
  if (reserved) return `the \`${reserved}*\` namespace is reserved for Docker`;
  if (!LOWER_START.test(key)) return 'keys must start with a lowercase letter';
  if (!LOWER_OR_DIGIT_END.test(key)) return 'keys must end with a lowercase letter or a digit';
  const bad = INVALID_CHAR.exec(key);
  if (bad) return `keys may contain only lowercase letters, digits, \`.\`, \`-\`, \`_\` and \`/\` (not \`${bad[0]}\`)`;
  if (key.includes('..') || key.includes('--')) return 'keys must not contain consecutive `.` or `-`';
  return null;
}

export default defineInstructionRule(
  {
    id: 'DL3048',
    source: 'hadolint',
    severity: 'style',
    description: 'Invalid label key',
    rationale:
      'Docker asks label keys to be lowercase, made of letters, digits, dots and dashes, starting with a letter, and to use reverse-DNS namespaces other than Docker\'s own (com.docker.*, io.docker.*, org.dockerproject.*). Tools that read labels rely on that format.',
    examples: {
      bad: 'FROM busybox:1.36\nLABEL com.docker.version="1.0"\n',
      good: 'FROM busybox:1.36\nLABEL org.opencontainers.image.version="1.0"\n',
    },
    docs: hadolintDocs('DL3048'),
    fixable: false,
  },
  'LABEL',
  (instruction, ctx) => {
    for (const property of instruction.properties) {
      const reason = problem(property.key);
      if (reason) ctx.report({ range: property.keyRange, message: `Invalid label key \`${property.key}\`: ${reason}` });
    }
  },
);
