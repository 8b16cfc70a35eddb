import rule from '../../../../src/core/lint/rules/InvalidJson';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM node:20\nCMD []\nENTRYPOINT [ "node", "server.js" ]\nVOLUME ["/data"]\nCOPY ["a b", "/c/"]\n',
    { name: 'shell tests start with [ too', code: 'FROM node:20\nRUN [ -f /x ] && echo yes\nRUN [ "$A" = "b" ] || exit 1\nRUN [ "$A" ] && echo set\n' },
    { name: 'shell form', code: 'FROM node:20\nCMD node server.js\n' },
    { name: 'SHELL is ShellRequiresJson\'s', code: "FROM node:20\nSHELL ['/bin/sh', '-c']\n" },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 26, message: "Exec form needs double quotes: with single quotes CMD is not JSON, so Docker runs `['node', 'server.js']` as a shell command" }],
      output: rule.meta.examples.good,
    },
    { name: 'single quotes with spaces inside the brackets', code: "FROM node:20\nRUN [ 'npm', 'ci' ]\n", errors: [{ line: 2 }], output: 'FROM node:20\nRUN [ "npm", "ci" ]\n' },
    { name: 'a missing closing bracket', code: 'FROM node:20\nENTRYPOINT ["node", "server.js"\n', errors: [{ line: 2, column: 12, message: /is not a valid JSON array of strings/ }] },
    { name: 'a missing comma', code: 'FROM node:20\nCMD ["node" "server.js"]\n', errors: [{ line: 2 }] },
    { name: 'a trailing comma', code: 'FROM node:20\nCMD ["node", "server.js",]\n', errors: [{ line: 2 }] },
    { name: 'a number in the array', code: 'FROM node:20\nCMD ["sleep", 5]\n', errors: [{ line: 2 }] },
    { name: 'text after the array', code: 'FROM node:20\nCMD ["node"] server.js\n', errors: [{ line: 2 }] },
    { name: 'mixed quotes', code: 'FROM node:20\nCOPY ["a", \'b\'] \n', errors: [{ line: 2, message: /not a valid JSON array/ }] },
    { name: 'in an ONBUILD trigger', code: "FROM node:20\nONBUILD RUN ['make']\n", errors: [{ line: 2, column: 13 }] },
  ],
});
