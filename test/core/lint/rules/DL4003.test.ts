import rule from '../../../../src/core/lint/rules/DL4003';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nCMD /bin/true\n',
    { name: 'one per stage', code: 'FROM debian:12 AS distro1\nCMD bash\nRUN foo\nFROM debian:12 AS distro2\nCMD another\n' },
    { name: 'ONBUILD CMD belongs to child images', code: 'FROM debian:12\nCMD ["a"]\nONBUILD CMD ["b"]\n' },
    { name: 'HEALTHCHECK CMD does not count', code: 'FROM debian:12\nHEALTHCHECK CMD true\nCMD ["a"]\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 1, message: 'Multiple CMD instructions in this stage: only the last one takes effect, the CMD on line 2 is ignored' }],
      output: rule.meta.examples.good,
    },
    { name: 'with instructions between', code: 'FROM debian:12\nCMD bash\nRUN foo\nCMD another\n', errors: [{ line: 4 }], output: 'FROM debian:12\nRUN foo\nCMD another\n' },
    {
      name: 'per stage',
      code: 'FROM debian:12 AS distro1\nCMD bash\nCMD another\nFROM debian:12 AS distro2\nCMD another\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'three: the fixes keep only the last, continuation lines included',
      code: 'FROM debian:12\nCMD ["a", \\\n  "b"]\nCMD ["c"]\nCMD ["d"]\n',
      errors: [{ line: 4 }, { line: 5 }],
      output: 'FROM debian:12\nCMD ["d"]\n',
    },
  ],
});
