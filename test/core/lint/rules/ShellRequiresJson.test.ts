import rule from '../../../../src/core/lint/rules/ShellRequiresJson';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\n',
    { name: 'no arguments is MissingArguments\'s', code: 'FROM debian:12\nSHELL\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 7, endColumn: 19, message: 'SHELL must be written as a JSON array: SHELL ["/bin/bash", "-c"]' }],
      output: rule.meta.examples.good,
    },
    { name: 'an empty array', code: 'FROM debian:12\nSHELL []\n', errors: [{ line: 2, column: 7, message: /at least one element/ }] },
    { name: 'single quotes', code: "FROM debian:12\nSHELL ['/bin/bash', '-c']\n", errors: [{ line: 2, message: /valid JSON array of double-quoted strings/ }] },
    { name: 'a quoted word has no mechanical fix', code: 'FROM debian:12\nSHELL /bin/sh -c "set -e"\n', errors: [{ line: 2 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM debian:12\nONBUILD SHELL bash -c\n', errors: [{ line: 2, column: 15 }] },
  ],
});
