import rule from '../../../../src/core/lint/rules/DL3000';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM busybox\nWORKDIR /app\n',
    'FROM busybox\nWORKDIR $HOME/app\n',
    'FROM busybox\nWORKDIR "/srv/www"\n',
    "FROM busybox\nWORKDIR '/usr/local'\n",
    'FROM busybox\nWORKDIR "${dir}"\n',
    'FROM mcr.microsoft.com/windows\nWORKDIR C:\\\\app\n',
    { name: 'a Windows path with one backslash, as written (as hadolint main)', code: 'FROM mcr.microsoft.com/windows\nWORKDIR C:\\app\n' },
    { name: 'a double-quoted Windows path (as hadolint main)', code: 'FROM mcr.microsoft.com/windows\nWORKDIR "C:\\\\app"\n' },
    { name: 'a double-quoted drive root ending in a backslash (as hadolint main)', code: 'FROM mcr.microsoft.com/windows\nWORKDIR "C:\\"\n' },
    { name: 'a single-quoted drive root (as hadolint main)', code: "FROM mcr.microsoft.com/windows\nWORKDIR 'C:\\'\n" },
    { name: 'a single-quoted Windows path with forward slashes (as hadolint main)', code: "FROM mcr.microsoft.com/windows\nWORKDIR 'D:/x'\n" },
    { name: 'a quoted drive root with a forward slash', code: 'FROM mcr.microsoft.com/windows\nWORKDIR "C:/"\n' },
    { name: 'a bare drive letter counts as absolute (as hadolint main)', code: 'FROM mcr.microsoft.com/windows\nWORKDIR D:\n' },
    { name: 'a Windows path under the backtick escape directive', code: '# escape=`\nFROM mcr.microsoft.com/windows\nWORKDIR C:\\app\n' },
  ],
  invalid: [
    { code: 'FROM busybox\nWORKDIR app\n', errors: [{ line: 2, column: 9, endColumn: 12 }] },
    { code: 'FROM busybox\nWORKDIR ./app\nWORKDIR ../x\n', errors: [{ line: 2 }, { line: 3 }] },
    { name: 'a single-quoted relative path', code: "FROM busybox\nWORKDIR 'relative/dir'\n", errors: [{ line: 2, message: /"relative\/dir" is relative/ }] },
    { name: 'a double-quoted relative path', code: 'FROM busybox\nWORKDIR "relative/dir"\n', errors: [{ line: 2 }] },
  ],
});
