import rule from '../../../../src/core/lint/rules/DL3012';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nHEALTHCHECK CMD /bin/true\nFROM scratch\nHEALTHCHECK CMD /bin/true\n',
    'FROM debian:12\nHEALTHCHECK NONE\n',
    { name: 'ONBUILD HEALTHCHECK is for the child image', code: 'FROM debian:12\nHEALTHCHECK CMD /bin/true\nONBUILD HEALTHCHECK CMD /bin/false\n' },
    {
      name: 'a HEALTHCHECK in the stage it is built on is not overridden (as BuildKit and hadolint)',
      code: 'FROM debian:12 AS a\nHEALTHCHECK CMD ["/one"]\n\nFROM a AS b\nHEALTHCHECK CMD ["/two"]\n',
    },
    { name: '# hadolint ignore= above the later one silences it', code: 'FROM debian:12\nHEALTHCHECK CMD a\n# hadolint ignore=DL3012\nHEALTHCHECK CMD b\n' },
    { name: '# check=skip= above the later one silences it (as BuildKit)', code: 'FROM debian:12\nHEALTHCHECK CMD a\n# check=skip=MultipleInstructionsDisallowed\nHEALTHCHECK CMD b\n' },
  ],
  invalid: [
    {
      name: 'on the overridden HEALTHCHECK, as BuildKit, the one that takes effect related',
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 1, endColumn: 12, message: /the HEALTHCHECK on line 3 overrides it/, aliases: ['MultipleInstructionsDisallowed'], related: [3] }],
    },
    {
      code: 'FROM debian:12\nHEALTHCHECK CMD /bin/true\nRUN x\nHEALTHCHECK NONE\nHEALTHCHECK CMD y\n',
      errors: [
        { line: 2, related: [4] },
        { line: 4, related: [5] },
      ],
    },
    { name: 'in a later stage', code: 'FROM debian:12\nHEALTHCHECK CMD a\nFROM debian:12\nhealthcheck CMD b\nHEALTHCHECK CMD c\n', errors: [{ line: 4 }] },
  ],
});
