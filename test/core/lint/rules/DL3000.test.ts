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
    { name: '# check=skip=WorkdirRelativePath above it silences it (as BuildKit)', code: 'FROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n' },
  ],
  invalid: [
    { code: 'FROM busybox\nWORKDIR app\n', errors: [{ line: 2, column: 9, endColumn: 12 }] },
    { code: 'FROM busybox\nWORKDIR ./app\nWORKDIR ../x\n', errors: [{ line: 2 }, { line: 3 }] },
    { name: 'a single-quoted relative path', code: "FROM busybox\nWORKDIR 'relative/dir'\n", errors: [{ line: 2, message: /"relative\/dir" is relative/ }] },
    { name: 'a double-quoted relative path', code: 'FROM busybox\nWORKDIR "relative/dir"\n', errors: [{ line: 2 }] },
    {
      name: 'as BuildKit, only the first WORKDIR of the stage is also WorkdirRelativePath; hadolint reports both',
      code: 'FROM scratch\nWORKDIR app/\nWORKDIR sub\n',
      errors: [
        { line: 2, aliases: ['WorkdirRelativePath'] },
        { line: 3, aliases: [] },
      ],
    },
    {
      name: 'after an absolute WORKDIR in the stage: DL3000 without WorkdirRelativePath (as BuildKit)',
      code: 'FROM busybox\nWORKDIR /srv\nWORKDIR www\n',
      errors: [{ line: 3, aliases: [] }],
    },
    {
      name: 'after an absolute WORKDIR in the stage it is built on: DL3000 without WorkdirRelativePath (as BuildKit)',
      code: 'FROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n',
      errors: [{ line: 5, aliases: [] }],
    },
    {
      name: 'inherited through FROM $BASE whose default names a stage',
      code: 'ARG BASE=a\nFROM scratch AS a\nWORKDIR /app\nFROM $BASE\nWORKDIR subdir\n',
      errors: [{ line: 5, aliases: [] }],
    },
    {
      name: 'a WORKDIR in an unrelated stage does not count',
      code: 'FROM scratch AS a\nWORKDIR /app\nFROM scratch\nWORKDIR subdir\n',
      errors: [{ line: 4, aliases: ['WorkdirRelativePath'] }],
    },
    { name: 'in an ONBUILD trigger: DL3000 only', code: 'FROM busybox\nONBUILD WORKDIR app\n', errors: [{ line: 2, aliases: [] }] },
    {
      name: '# check=skip=WorkdirRelativePath above it does not silence a finding without the alias',
      code: 'FROM busybox\nWORKDIR /srv\n# check=skip=WorkdirRelativePath\nWORKDIR www\n',
      errors: [{ line: 4, aliases: [] }],
    },
  ],
});
