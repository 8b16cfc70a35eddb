import rule from '../../../../src/core/lint/rules/DL3012';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nHEALTHCHECK CMD /bin/true\nFROM scratch\nHEALTHCHECK CMD /bin/true\n',
    'FROM debian:12\nHEALTHCHECK NONE\n',
    { name: 'ONBUILD HEALTHCHECK is for the child image', code: 'FROM debian:12\nHEALTHCHECK CMD /bin/true\nONBUILD HEALTHCHECK CMD /bin/false\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 3, column: 1, endColumn: 12, message: /another is on line 2/ }] },
    { code: 'FROM debian:12\nHEALTHCHECK CMD /bin/true\nRUN x\nHEALTHCHECK NONE\nHEALTHCHECK CMD y\n', errors: [{ line: 4 }, { line: 5 }] },
    { name: 'in a later stage', code: 'FROM debian:12\nHEALTHCHECK CMD a\nFROM debian:12\nhealthcheck CMD b\nHEALTHCHECK CMD c\n', errors: [{ line: 5 }] },
  ],
});
