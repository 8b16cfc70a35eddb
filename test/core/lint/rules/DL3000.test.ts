import rule from '../../../../src/core/lint/rules/DL3000';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM busybox\nWORKDIR /app\n', 'FROM busybox\nWORKDIR $HOME/app\n', 'FROM busybox\nWORKDIR "/srv/www"\n', 'FROM mcr.microsoft.com/windows\nWORKDIR C:\\\\app\n'],
  invalid: [
    { code: 'FROM busybox\nWORKDIR app\n', errors: [{ line: 2, column: 9, endColumn: 12 }] },
    { code: 'FROM busybox\nWORKDIR ./app\nWORKDIR ../x\n', errors: [{ line: 2 }, { line: 3 }] },
  ],
});
