import rule from '../../../../src/core/lint/rules/DL3001';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN apt-get install -y vim=2:9.0.*\n',
    'FROM debian:12\nRUN echo ssh top kill\n',
    'FROM debian:12\nCMD ["top"]\n',
    'FROM debian:12\nRUN ["service", "nginx", "start"]\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 5, endColumn: 12, message: /`service`.*init system/ }] },
    { code: 'FROM debian:12\nRUN ps aux | grep nginx && kill 1\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 28 }] },
    {
      name: 'after a continuation',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    vim /etc/hosts\n',
      errors: [{ line: 3, column: 5, message: /`vim`/ }],
    },
    { name: 'in ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN shutdown -h now\n', errors: [{ line: 2, column: 13 }] },
    { name: 'in a heredoc', code: 'FROM debian:12\nRUN <<EOF\nmount /dev/sda1 /mnt\nEOF\n', errors: [{ line: 3, column: 1 }] },
  ],
});
