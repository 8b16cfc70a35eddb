import rule from '../../../../src/core/lint/rules/DL3025';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM busybox\nCMD ["httpd", "-f"]\n',
    'FROM busybox\nENTRYPOINT ["/entrypoint.sh"]\n',
    'FROM busybox\nRUN echo hello\n',
  ],
  invalid: [
    {
      code: 'FROM busybox\nCMD httpd -f -p 8080\n',
      errors: [{ line: 2, column: 5, message: 'Use arguments JSON notation for CMD arguments' }],
      output: 'FROM busybox\nCMD ["httpd", "-f", "-p", "8080"]\n',
    },
    {
      name: 'a quoted argument keeps its spaces in the exec form',
      code: 'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n',
      errors: [{ line: 2 }],
      output: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'shell syntax is kept by running it through /bin/sh -c',
      code: 'FROM busybox\nENTRYPOINT echo $HOME && exec sleep 1\n',
      errors: [{ line: 2, message: 'Use arguments JSON notation for ENTRYPOINT arguments' }],
      output: 'FROM busybox\nENTRYPOINT ["/bin/sh", "-c", "echo $HOME && exec sleep 1"]\n',
    },
    { name: 'in an ONBUILD trigger', code: 'FROM busybox\nONBUILD CMD run-it\n', errors: [{ line: 2 }] },
  ],
});
