import rule from '../../../../src/core/lint/rules/DL3045';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a bare drive letter is absolute, as hadolint main', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY bla.sh C:\n' },
    rule.meta.examples.good,
    'FROM busybox:1.36\nCOPY bla.sh /usr/local/bin/blubb.sh\n',
    'FROM busybox:1.36\nCOPY bla.sh "/usr/local/bin/blubb.sh"\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY bla.sh c:\\system32\\blubb.sh\nCOPY bla.sh d:/mypath/blubb.sh\n',
    'FROM busybox:1.36\nCOPY src.sh ${SRC_BASE_ENV}\nCOPY src.sh "$SRC_BASE_ENV"\n',
    { name: 'WORKDIR set in the base stage, deep', code: 'FROM debian:buster AS base1\nWORKDIR /usr\nFROM base1 AS base2\nRUN foo\nFROM base2\nCOPY foo bar\n' },
    { name: 'both in ONBUILD', code: 'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n' },
    { name: 'ONBUILD COPY runs after the WORKDIR of its stage', code: 'FROM debian:buster\nONBUILD COPY foo bar\nWORKDIR /app\n' },
    { name: 'exec form to an absolute path', code: 'FROM busybox:1.36\nCOPY ["a b", "/dest dir/"]\n' },
    'FROM busybox:1.36\nADD foo bar\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 19, endColumn: 20, message: '`COPY` to the relative destination `.` without `WORKDIR` set: add a WORKDIR before it, or use an absolute path' }],
    },
    { code: 'FROM busybox:1.36\nCOPY bla.sh "blubb.sh"\n', errors: [{ line: 2, column: 13, message: /`blubb.sh`/ }] },
    { name: 'WORKDIR only after the COPY', code: 'FROM busybox:1.36\nCOPY a b\nWORKDIR /app\n', errors: [{ line: 2, column: 8 }] },
    { name: 'WORKDIR in another stage is not inherited', code: 'FROM debian:buster AS stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY --from=stage1 foo bar\n', errors: [{ line: 4, column: 24 }] },
    { name: 'in ONBUILD', code: 'FROM debian:buster\nONBUILD COPY foo bar\n', errors: [{ line: 2, column: 18 }] },
    { name: 'exec form', code: 'FROM busybox:1.36\nCOPY ["a", "b/"]\n', errors: [{ line: 2, column: 6, message: /`b\/`/ }] },
    { name: 'heredoc', code: 'FROM busybox:1.36\nCOPY <<EOF conf/app.ini\n[app]\nEOF\n', errors: [{ line: 2, column: 12, endColumn: 24 }] },
  ],
});
