import rule from '../../../../src/core/lint/rules/DL3057';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM scratch\nHEALTHCHECK CMD /bin/bla\n',
    { name: 'HEALTHCHECK NONE is a decision too', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the stage it is built FROM', code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n' },
    {
      name: 'a chain of stages ending in one with a HEALTHCHECK, as hadolint main',
      code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3\nFROM base3 AS end\nHEALTHCHECK NONE\n',
    },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 6, message: /^HEALTHCHECK instruction missing: add one/ }] },
    { code: 'FROM scratch\n', errors: [{ line: 1 }] },
    { name: 'not inherited from an unrelated stage', code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n', errors: [{ line: 3 }] },
    {
      name: 'a chain that forks: the branch without a HEALTHCHECK, as hadolint main',
      code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS left\nFROM base2 AS right\nFROM left AS end1\nHEALTHCHECK NONE\nFROM right AS end2\n',
      errors: [{ line: 4, message: /stage `right`/ }, { line: 7, message: /stage `end2`/ }],
    },
    {
      name: 'a stage built before its base gained a covered child stays uncovered, as hadolint main',
      code: 'FROM scratch AS base\nFROM base AS early\nFROM base AS late\nHEALTHCHECK CMD true\n',
      errors: [{ line: 2, message: /stage `early`/ }],
    },
    { name: 'every stage without one', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /out /app\n', errors: [{ line: 1, message: /stage `build`/ }, { line: 3 }] },
    { name: 'ONBUILD HEALTHCHECK is for child images', code: 'FROM alpine:3.20\nONBUILD HEALTHCHECK CMD true\n', errors: [{ line: 1 }] },
  ],
});
