import rule from '../../../../src/core/lint/rules/DL4004';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nENTRYPOINT /bin/true\n',
    { name: 'one per stage', code: 'FROM debian:12 AS distro1\nENTRYPOINT bash\nRUN foo\nFROM debian:12 AS distro2\nENTRYPOINT another\n' },
    { name: 'ONBUILD ENTRYPOINT belongs to child images', code: 'FROM debian:12\nENTRYPOINT ["a"]\nONBUILD ENTRYPOINT ["b"]\n' },
    { name: 'HEALTHCHECK CMD does not count', code: 'FROM debian:12\nHEALTHCHECK CMD true\nENTRYPOINT ["a"]\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 1, message: 'Multiple ENTRYPOINT instructions in this stage: only the last one takes effect, the ENTRYPOINT on line 2 is ignored' }],
      output: rule.meta.examples.good,
    },
    { name: 'with instructions between', code: 'FROM debian:12\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n', errors: [{ line: 4 }], output: 'FROM debian:12\nRUN foo\nENTRYPOINT another\n' },
    {
      name: 'per stage',
      code: 'FROM debian:12 AS distro1\nENTRYPOINT bash\nENTRYPOINT another\nFROM debian:12 AS distro2\nENTRYPOINT another\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'three: the fixes keep only the last, continuation lines included',
      code: 'FROM debian:12\nENTRYPOINT ["a", \\\n  "b"]\nENTRYPOINT ["c"]\nENTRYPOINT ["d"]\n',
      errors: [{ line: 4 }, { line: 5 }],
      output: 'FROM debian:12\nENTRYPOINT ["d"]\n',
    },
  ],
});
