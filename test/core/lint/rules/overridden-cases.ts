// The shared table of DL4003 (CMD) and DL4004 (ENTRYPOINT): only the last of each in a stage takes effect.
import type { Rule } from '../../../../src/core/lint/types';
import { ruleTester } from '../rule-tester';

export function overriddenTable(rule: Rule, k: 'CMD' | 'ENTRYPOINT'): void {
  const code = rule.meta.id;
  ruleTester(rule, {
    valid: [
      rule.meta.examples.good,
      `FROM debian:12\n${k} /bin/true\n`,
      { name: 'one per stage', code: `FROM debian:12 AS distro1\n${k} bash\nRUN foo\nFROM debian:12 AS distro2\n${k} another\n` },
      { name: `ONBUILD ${k} belongs to child images`, code: `FROM debian:12\n${k} ["a"]\nONBUILD ${k} ["b"]\n` },
      { name: 'HEALTHCHECK CMD does not count', code: `FROM debian:12\nHEALTHCHECK CMD true\n${k} ["a"]\n` },
      { name: `a ${k} in the stage it is built on is not overridden (as BuildKit and hadolint)`, code: `FROM debian:12 AS base\n${k} ["a"]\nFROM base\n${k} ["b"]\n` },
      { name: `# hadolint ignore= above the later ${k} silences it (where hadolint reports it)`, code: `FROM debian:12\n${k} ["a"]\n# hadolint ignore=${code}\n${k} ["b"]\n` },
      {
        name: `# check=skip=MultipleInstructionsDisallowed above the later ${k} silences it (as BuildKit, which applies the later one's comments)`,
        code: `FROM debian:12\n${k} ["a"]\n# check=skip=MultipleInstructionsDisallowed\n${k} ["b"]\n`,
      },
      { name: `a comment above the overridden ${k}, where the diagnostic is, silences it too`, code: `FROM debian:12\n# hadolint ignore=${code}\n${k} ["a"]\n${k} ["b"]\n` },
    ],
    invalid: [
      {
        name: `on the overridden ${k}, as BuildKit, with the later one (hadolint's line) related`,
        code: rule.meta.examples.bad,
        errors: [
          {
            line: 2,
            column: 1,
            message: `This ${k} has no effect: the ${k} on line 3 overrides it (only the last one in a stage is used)`,
            aliases: ['MultipleInstructionsDisallowed'],
            related: [3],
          },
        ],
        output: rule.meta.examples.good,
      },
      { name: 'with instructions between', code: `FROM debian:12\n${k} bash\nRUN foo\n${k} another\n`, errors: [{ line: 2, related: [4] }], output: `FROM debian:12\nRUN foo\n${k} another\n` },
      { name: 'per stage', code: `FROM debian:12 AS distro1\n${k} bash\n${k} another\nFROM debian:12 AS distro2\n${k} another\n`, errors: [{ line: 2 }] },
      {
        name: 'three: each overridden one once, the fixes keep only the last, continuation lines included',
        code: `FROM debian:12\n${k} ["a", \\\n  "b"]\n${k} ["c"]\n${k} ["d"]\n`,
        errors: [
          { line: 2, related: [4] },
          { line: 4, related: [5] },
        ],
        output: `FROM debian:12\n${k} ["d"]\n`,
      },
      {
        name: 'a check comment above an unrelated instruction does not silence it',
        code: `FROM debian:12\n${k} ["a"]\n# check=skip=MultipleInstructionsDisallowed\nRUN true\n${k} ["b"]\n`,
        errors: [{ line: 2 }],
      },
      { name: 'as BuildKit, a heredoc between does not matter', code: `FROM scratch\n${k} ["/one"]\nCOPY <<EOF /a.txt\nhello\nEOF\n${k} ["/two"]\n`, errors: [{ line: 2, related: [6] }] },
    ],
  });
}
