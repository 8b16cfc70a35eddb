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
    { name: 'quiet level 2 implies -y: -q -q, -q=2, --quiet --quiet (as hadolint main)', code: 'FROM debian:12\nRUN apt-get install -q -q a=1 && apt-get install -q=2 b=1 && apt-get install --quiet --quiet c=1\n' },
    { name: 'quiet level 2 from -q and --quiet together, and level 3 (hadolint main wants exactly two of one spelling)', code: 'FROM debian:12\nRUN apt-get -q --quiet install a=1 && apt-get -qqq install b=1 && apt-get --quiet=3 install c=1\n' },
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
    { name: 'one -q is not -y (as hadolint main)', code: 'FROM debian:12\nRUN apt-get install -q python\n', errors: [{ line: 2, column: 13 }], output: 'FROM debian:12\nRUN apt-get install -y -q python\n' },
    { name: 'one --quiet, or -q=1, is not -y (as hadolint main)', code: 'FROM debian:12\nRUN apt-get --quiet install a && apt-get -q=1 install b\n', errors: [{ line: 2, column: 21 }, { line: 2, column: 47 }] },
    { name: '--force-yes does not answer the prompt (as hadolint main)', code: 'FROM debian:12\nRUN apt-get install --force-yes python\n', errors: [{ line: 2, column: 13 }] },
    { name: 'with -o before install', code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install x\n', errors: [{ line: 2, column: 48 }] },
    {
      name: 'in ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN apt-get install x\n',
      errors: [{ line: 2, column: 21 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get install -y x\n',
    },
  ],
});
