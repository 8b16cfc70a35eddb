import rule from '../../../../src/core/lint/rules/DL3027';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN apt-cache search curl\n',
    'FROM debian:12\nRUN echo apt install\n',
    'FROM debian:12\nRUN apt-get install -y apt=2.6.1\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 8, message: /use `apt-get update` instead/ }],
      output: 'FROM debian:12\nRUN apt-get update\n',
    },
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl && apt search jq\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 19 }, { line: 2, column: 42, message: /apt-cache search/ }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-cache search jq\n',
    },
    {
      name: 'full-upgrade is dist-upgrade',
      code: 'FROM debian:12\nRUN apt full-upgrade -y\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\nRUN apt-get dist-upgrade -y\n',
    },
    { name: 'list has no fix', code: 'FROM debian:12\nRUN apt list --installed\n', errors: [{ line: 2, message: /apt-get or apt-cache/ }], noFix: true },
    {
      name: 'in ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN apt -y install x\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get -y install x\n',
    },
  ],
});
