import rule from '../../../../src/core/lint/rules/InvalidPort';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp 9000/sctp 8000-8010 8000-8010/udp "3000" 53/\n',
    { name: 'single quotes are removed as double quotes are', code: "FROM alpine:3.20\nEXPOSE '80' '53/udp'\n" },
    { name: 'variables are known at build time', code: 'FROM alpine:3.20\nEXPOSE $PORT ${PORT}/tcp 80$X\n' },
    { name: 'upper-case protocols are ExposeProtoCasing\'s', code: 'FROM alpine:3.20\nEXPOSE 80/TCP\n' },
    { name: 'host mappings are ExposeInvalidFormat\'s', code: 'FROM alpine:3.20\nEXPOSE 8080:80 127.0.0.1:80:80\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 11, endColumn: 15, message: 'Invalid protocol `http` in `80/http`: use tcp, udp or sctp' }], output: rule.meta.examples.good },
    { name: 'a typo in the protocol', code: 'FROM alpine:3.20\nEXPOSE 53/upd\n', errors: [{ line: 2, column: 11 }], output: 'FROM alpine:3.20\nEXPOSE 53/udp\n' },
    { name: 'an upper-case invalid protocol', code: 'FROM alpine:3.20\nEXPOSE 80/XYZ\n', errors: [{ line: 2, message: /Invalid protocol `XYZ`/ }] },
    { name: 'not a number', code: 'FROM alpine:3.20\nEXPOSE http\n', errors: [{ line: 2, column: 8, message: /Invalid port `http` in EXPOSE/ }] },
    { name: 'a range without an end', code: 'FROM alpine:3.20\nEXPOSE 8000-\n', errors: [{ line: 2, message: /has no end/ }] },
    { name: 'a range the wrong way round', code: 'FROM alpine:3.20\nEXPOSE 9000-8000\n', errors: [{ line: 2, message: /end is below the start/ }] },
    { name: 'beyond 65535', code: 'FROM alpine:3.20\nEXPOSE 80 70000\n', errors: [{ line: 2, column: 11, message: /ports go up to 65535/ }] },
    {
      name: 'a host mapping whose container part is broken (ExposeInvalidFormat stays silent on it)',
      code: 'FROM alpine:3.20\nEXPOSE 8080: 8080:80/xyz\n',
      errors: [{ line: 2, column: 8, message: /no container port after `:`/ }, { line: 2, column: 14, message: /Invalid protocol `xyz`/ }],
    },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD EXPOSE abc\n', errors: [{ line: 2, column: 16 }] },
  ],
});
