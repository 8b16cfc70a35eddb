import rule from '../../../../src/core/lint/rules/InvalidSignal';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nSTOPSIGNAL SIGTERM\nSTOPSIGNAL 9\nSTOPSIGNAL SIGRTMIN+3\nSTOPSIGNAL SIGRTMAX-1\n',
    { name: 'the SIG prefix and the case are optional', code: 'FROM alpine:3.20\nSTOPSIGNAL TERM\nSTOPSIGNAL sigint\n' },
    { name: 'a variable is known at build time', code: 'FROM alpine:3.20\nSTOPSIGNAL $STOP\n' },
    { name: 'two words are ExtraArguments\'s', code: 'FROM alpine:3.20\nSTOPSIGNAL SIG TERM\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 12, endColumn: 20, message: 'Invalid signal `SIGQUITE`: did you mean SIGQUIT?' }], output: rule.meta.examples.good },
    { name: 'not a signal at all', code: 'FROM alpine:3.20\nSTOPSIGNAL GRACEFUL\n', errors: [{ line: 2, message: /use a name such as SIGTERM/ }] },
    { name: 'signal 0', code: 'FROM alpine:3.20\nSTOPSIGNAL 0\n', errors: [{ line: 2, message: /signal numbers start at 1/ }] },
    { name: 'a real-time signal out of range', code: 'FROM alpine:3.20\nSTOPSIGNAL SIGRTMIN+20\n', errors: [{ line: 2 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD STOPSIGNAL SIGTEMR\n', errors: [{ line: 2, column: 20, message: /did you mean SIGTERM/ }] },
  ],
});
