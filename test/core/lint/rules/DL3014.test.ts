import rule from '../../../../src/core/lint/rules/DL3014';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN apt-get -y install python=2.7\n',
    'FROM debian:12\nRUN apt-get install --yes python=2.7\n',
    'FROM debian:12\nRUN apt-get install --assume-yes python=2.7\n',
    'FROM debian:12\nRUN apt-get -qq install python=2.7\n',
    'FROM debian:12\nRUN apt-get install -qy python=2.7\n',
    'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install python=2.7\n',
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN apt-cache install x\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 13, endColumn: 20, message: /-y/ }],
      output: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.*\n',
    },
    {
      name: 'after update, over a continuation',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install python\n',
      errors: [{ line: 3, column: 13 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y python\n',
    },
    { name: 'with -o before install', code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install x\n', errors: [{ line: 2, column: 48 }] },
    {
      name: 'in ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN apt-get install x\n',
      errors: [{ line: 2, column: 21 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get install -y x\n',
    },
  ],
});
