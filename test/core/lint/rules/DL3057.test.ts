import rule from '../../../../src/core/lint/rules/DL3057';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM scratch\nHEALTHCHECK CMD /bin/bla\n',
    { name: 'HEALTHCHECK NONE is a decision too', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the stage it is built FROM', code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 6, message: /^HEALTHCHECK instruction missing: add one/ }] },
    { code: 'FROM scratch\n', errors: [{ line: 1 }] },
    { name: 'not inherited from an unrelated stage', code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n', errors: [{ line: 3 }] },
    { name: 'every stage without one', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /out /app\n', errors: [{ line: 1, message: /stage `build`/ }, { line: 3 }] },
    { name: 'ONBUILD HEALTHCHECK is for child images', code: 'FROM alpine:3.20\nONBUILD HEALTHCHECK CMD true\n', errors: [{ line: 1 }] },
  ],
});
