import rule from '../../../../src/core/lint/rules/ExposeProtoCasing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [rule.meta.examples.good, 'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000/sctp\n', { name: 'a variable', code: 'FROM nginx:1.27\nARG PROTO=TCP\nEXPOSE 80/$PROTO\n' }],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 11, endColumn: 14, message: "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase: write 'tcp'" }],
      output: rule.meta.examples.good,
    },
    {
      name: 'several ports, a range and a quoted one',
      code: 'FROM nginx:1.27\nEXPOSE 53/Udp 8000-8010/TCP "9000/SCTP"\n',
      errors: [{ line: 2, column: 11 }, { line: 2, column: 25, message: /'8000-8010\/TCP'/ }, { line: 2, column: 35, message: /'9000\/SCTP'/ }],
      output: 'FROM nginx:1.27\nEXPOSE 53/udp 8000-8010/tcp "9000/sctp"\n',
    },
    { name: 'with a host mapping too', code: 'FROM nginx:1.27\nEXPOSE 8080:80/UDP\n', errors: [{ line: 2, message: /'8080:80\/UDP'/ }], output: 'FROM nginx:1.27\nEXPOSE 8080:80/udp\n' },
  ],
});
