import rule from '../../../../src/core/lint/rules/InvalidDuration';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nHEALTHCHECK --interval=1m30s --timeout=500ms --start-period=1.5s --start-interval=2s CMD true\n',
    { name: '0 (with or without unit) means the default', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=0 --timeout=0s CMD true\n' },
    { name: 'a quoted duration', code: 'FROM alpine:3.20\nHEALTHCHECK --interval="30s" CMD true\n' },
    { name: 'other flags are not durations', code: 'FROM alpine:3.20\nHEALTHCHECK --retries=3 CMD true\n' },
    { name: 'HEALTHCHECK NONE ignores its flags', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=soon NONE\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 24, endColumn: 26, message: '`--interval=30` has no unit: write 30s for seconds (units: ns, us, ms, s, m, h)' }],
      output: rule.meta.examples.good,
    },
    {
      name: 'an unknown unit with a known meaning',
      code: 'FROM alpine:3.20\nHEALTHCHECK --timeout=5sec CMD true\n',
      errors: [{ line: 2, column: 23, message: 'Unknown unit `sec` in `--timeout=5sec`: use ns, us, ms, s, m or h (s)' }],
      output: 'FROM alpine:3.20\nHEALTHCHECK --timeout=5s CMD true\n',
    },
    { name: 'not a duration at all', code: 'FROM alpine:3.20\nHEALTHCHECK --start-period=soon CMD true\n', errors: [{ line: 2, message: /is not a duration/ }] },
    { name: 'below 1ms', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=500us CMD true\n', errors: [{ line: 2, message: /below the 1ms minimum/ }] },
    { name: 'negative', code: 'FROM alpine:3.20\nHEALTHCHECK --timeout=-5s CMD true\n', errors: [{ line: 2, message: /cannot be negative/ }] },
    { name: 'a variable is not expanded in HEALTHCHECK flags', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=$INTERVAL CMD true\n', errors: [{ line: 2 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD HEALTHCHECK --interval=10 CMD true\n', errors: [{ line: 2, column: 32 }] },
  ],
});
