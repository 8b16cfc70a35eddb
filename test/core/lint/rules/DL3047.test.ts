import rule from '../../../../src/core/lint/rules/DL3047';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM node:20\nRUN wget -q my.xyz\n',
    'FROM node:20\nRUN wget --quiet my.xyz\n',
    'FROM node:20\nRUN wget -nv my.xyz && wget --no-verbose my.xyz\n',
    'FROM node:20\nRUN wget --output-file=/tmp/wget.log my.xyz && wget -o /tmp/wget.log my.xyz\n',
    'FROM node:20\nRUN wget --append-output=/tmp/wget.log my.xyz && wget -a /tmp/wget.log my.xyz\n',
    'FROM node:20\nRUN wget -qO- https://example.com/install.sh | sh\n',
    'FROM node:20\nRUN ["wget", "my.xyz"]\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 9, message: /^Avoid use of wget without progress bar/ }],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n',
    },
    {
      name: 'a quiet-looking value of -O is not -q; -nc is not -nv',
      code: 'FROM node:20\nRUN wget -O/tmp/quiet.tgz my.xyz && wget -nc my.xyz\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 37 }],
      output: 'FROM node:20\nRUN wget --progress=dot:giga -O/tmp/quiet.tgz my.xyz && wget --progress=dot:giga -nc my.xyz\n',
    },
    { name: 'in ONBUILD RUN after a continuation', code: 'FROM node:20\nONBUILD RUN cd /tmp && \\\n    wget my.xyz\n', errors: [{ line: 3, column: 5 }] },
  ],
});
