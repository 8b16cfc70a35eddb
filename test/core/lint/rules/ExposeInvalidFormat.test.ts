import rule from '../../../../src/core/lint/rules/ExposeInvalidFormat';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [rule.meta.examples.good, 'FROM nginx:1.27\nEXPOSE 80/tcp 8000-8010 53/udp\n', { name: 'variables', code: 'FROM nginx:1.27\nARG PORT=80\nEXPOSE $PORT\n' }],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 8, endColumn: 15, message: "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80': expose only the container port 80 and publish with docker run -p" }],
      output: rule.meta.examples.good,
    },
    {
      name: 'the docs example: IP address and host port',
      code: 'FROM alpine\nEXPOSE 127.0.0.1:80:80\n',
      errors: [{ line: 2, message: /found '127.0.0.1:80:80'/ }],
      output: 'FROM alpine\nEXPOSE 80\n',
    },
    {
      name: 'IPv6, protocols and several words',
      code: 'FROM alpine\nEXPOSE 443 [::1]:8080:8080/tcp 5000:5000/udp\n',
      errors: [{ line: 2, column: 12 }, { line: 2, column: 32 }],
      output: 'FROM alpine\nEXPOSE 443 8080/tcp 5000/udp\n',
    },
  ],
});
