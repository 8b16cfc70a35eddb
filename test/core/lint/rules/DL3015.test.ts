import rule from '../../../../src/core/lint/rules/DL3015';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN apt-get --no-install-recommends install -y python=2.7\n',
    'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y python=2.7\n',
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN ["apt-get", "install", "-y", "x"]\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 13, endColumn: 20, message: /--no-install-recommends/ }],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl=7.88.*\n',
    },
    {
      name: 'two installs',
      code: 'FROM debian:12\nRUN apt-get install -y a && apt-get install -y b\n',
      errors: [{ line: 2, column: 13 }, { line: 2, column: 37 }],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y a && apt-get install --no-install-recommends -y b\n',
    },
    {
      name: 'over a continuation',
      code: 'FROM debian:12\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get install -y x\n',
      errors: [{ line: 3, column: 44 }],
    },
    { name: 'in ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN apt-get install -y x\n', errors: [{ line: 2, column: 21 }] },
  ],
});
