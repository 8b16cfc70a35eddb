import rule from '../../../../src/core/lint/rules/DL3011';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM nginx:1.27\nEXPOSE 80/tcp 443/udp\n',
    'FROM nginx:1.27\nEXPOSE 8000-8010\n',
    'FROM nginx:1.27\nEXPOSE 65535 0\n',
    'FROM nginx:1.27\nEXPOSE $PORT\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 8, endColumn: 13, message: 'Valid UNIX ports range from 0 to 65535: 80800 is out of range' }] },
    { code: 'FROM nginx:1.27\nEXPOSE 80 65536/udp\n', errors: [{ line: 2, column: 11 }] },
    { name: 'port range', code: 'FROM nginx:1.27\nEXPOSE 65000-70000\n', errors: [{ line: 2, message: /70000/ }] },
    { name: 'quoted', code: 'FROM nginx:1.27\nEXPOSE "99999"\n', errors: [{ line: 2 }] },
    { name: 'in ONBUILD', code: 'FROM nginx:1.27\nONBUILD EXPOSE 100000\n', errors: [{ line: 2, column: 16 }] },
  ],
});
