import rule from '../../../../src/core/lint/rules/DL3021';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nCOPY foo bar\n',
    'FROM debian:12\nCOPY foo bar baz/\n',
    'FROM debian:12\nCOPY --from=build --chown=1:1 a b /dest/\n',
    'FROM debian:12\nCOPY ["a", "b", "/dest/"]\n',
    { name: 'a destination from a variable (Shipshape keeps this; hadolint main reports a value it cannot know)', code: 'FROM debian:12\nARG DEST=/app/\nCOPY a b $DEST\n' },
    'FROM debian:12\nCOPY <<EOF /etc/a.conf\nx y z\nEOF\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 37, endColumn: 41, message: /use `\/app\/`/ }],
      output: 'FROM node:20\nCOPY package.json package-lock.json /app/\n',
    },
    { code: 'FROM debian:12\nCOPY foo bar baz\n', errors: [{ line: 2, column: 14 }], output: 'FROM debian:12\nCOPY foo bar baz/\n' },
    { name: 'dot is not enough', code: 'FROM debian:12\nCOPY a b .\n', errors: [{ line: 2 }], output: 'FROM debian:12\nCOPY a b ./\n' },
    {
      name: 'quoted destination',
      code: 'FROM debian:12\nCOPY a b "/dest"\n',
      errors: [{ line: 2, message: /`\/dest\/`/ }],
      output: 'FROM debian:12\nCOPY a b "/dest/"\n',
    },
    {
      name: 'over a continuation',
      code: 'FROM debian:12\nCOPY a \\\n     b \\\n     /dest\n',
      errors: [{ line: 4, column: 6 }],
      output: 'FROM debian:12\nCOPY a \\\n     b \\\n     /dest/\n',
    },
    { name: 'exec form', code: 'FROM debian:12\nCOPY ["a", "b", "/dest"]\n', errors: [{ line: 2, column: 6 }] },
  ],
});
