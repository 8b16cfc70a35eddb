import rule from '../../../../src/core/lint/rules/InvalidHealthcheck';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nHEALTHCHECK NONE\n',
    'FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\n',
    { name: 'cmd in lower case', code: 'FROM alpine:3.20\nHEALTHCHECK cmd true\n' },
    { name: 'no arguments is MissingArguments\'s', code: 'FROM alpine:3.20\nHEALTHCHECK\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 13, endColumn: 17, message: 'Unknown HEALTHCHECK type `curl`: start the check with CMD, e.g. HEALTHCHECK CMD curl ...' }],
      output: rule.meta.examples.good,
    },
    { name: 'CMD without a command', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD\n', errors: [{ line: 2, column: 27, message: /HEALTHCHECK CMD needs a command/ }] },
    { name: 'CMD with an empty exec form', code: 'FROM alpine:3.20\nHEALTHCHECK CMD []\n', errors: [{ line: 2, message: /needs a command/ }] },
    { name: 'CMD-SHELL is not a Dockerfile type', code: 'FROM alpine:3.20\nHEALTHCHECK CMD-SHELL curl -f http://localhost/\n', errors: [{ line: 2 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD HEALTHCHECK wget -q localhost\n', errors: [{ line: 2, column: 21 }] },
  ],
});
