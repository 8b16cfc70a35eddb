import rule from '../../../../src/core/lint/rules/InvalidDestination';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nADD a.txt /data\nADD ["a", "b", "/c/"]\n',
    { name: 'a Windows directory', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nADD a b C:\\data\\\n' },
    { name: 'a destination in a variable', code: 'FROM alpine:3.20\nADD a b $DEST\nADD a b ${DEST}\n' },
    { name: 'COPY is DL3021\'s', code: 'FROM alpine:3.20\nCOPY a b /c\n' },
    { name: 'heredocs create files', code: 'FROM alpine:3.20\nADD <<a <<b /c\nx\na\ny\nb\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 17, endColumn: 22, message: 'ADD with 2 sources needs a directory destination: write `/data/` with a trailing slash' }],
      output: rule.meta.examples.good,
    },
    { name: 'exec form', code: 'FROM alpine:3.20\nADD ["a", "b", "/c"]\n', errors: [{ line: 2, column: 5, message: /write `\/c\/`/ }] },
    { name: 'over continuation lines', code: 'FROM alpine:3.20\nADD a \\\n  b \\\n  /c\n', errors: [{ line: 4, column: 3 }], output: 'FROM alpine:3.20\nADD a \\\n  b \\\n  /c/\n' },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD ADD a b c\n', errors: [{ line: 2, column: 17 }] },
  ],
});
