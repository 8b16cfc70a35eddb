import rule from '../../../../src/core/lint/rules/DL3004';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN apt-get install -y sudo=1.9.*\n',
    'FROM debian:12\nRUN echo sudo\n',
    'FROM debian:12\nRUN gosu app true\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 9, message: /Do not use sudo/ }],
      output: 'FROM debian:12\nRUN apt-get update\n',
    },
    {
      name: 'every sudo in a chain',
      code: 'FROM debian:12\nRUN sudo apt-get update && sudo  apt-get install -y curl\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 28 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    { name: 'sudo with options gets no fix', code: 'FROM debian:12\nRUN sudo -u app make\n', errors: [{ line: 2 }], noFix: true },
    {
      name: 'in ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN sudo make install\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM debian:12\nONBUILD RUN make install\n',
    },
  ],
});
