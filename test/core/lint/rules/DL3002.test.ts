import rule from '../../../../src/core/lint/rules/DL3002';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM scratch\nUSER foo\n',
    'FROM debian:12\nRUN whoami\n',
    { name: 'switching back in a build stage', code: 'FROM debian:12 AS base\nUSER root\nRUN x\nUSER foo\nFROM scratch\nRUN y\n' },
    'FROM debian:12\nUSER rooty\n',
    'FROM debian:12\nUSER 1000:0\n',
    { name: 'ONBUILD USER is not the stage user', code: 'FROM debian:12\nUSER app\nONBUILD USER root\n' },
  ],
  invalid: [
    { name: 'a quoted root (Shipshape reads the quotes away as Docker does; hadolint main compares the text as written)', code: 'FROM debian:12\nUSER "root"\n', errors: [{ line: 2 }] },
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 6, endColumn: 10, message: /USER root/ }] },
    { code: 'FROM scratch\nUSER 0\n', errors: [{ line: 2 }] },
    { code: 'FROM scratch\nUSER root:root\n', errors: [{ line: 2 }] },
    { code: 'FROM scratch\nUSER 0:0\n', errors: [{ line: 2 }] },
    { name: 'last USER of a build stage', code: 'FROM debian:12 AS base\nUSER root\nRUN x\nFROM scratch\nUSER foo\nRUN y\n', errors: [{ line: 2 }] },
    { name: 'only the last USER of the stage', code: 'FROM debian:12\nUSER root\nUSER foo\nUSER root\n', errors: [{ line: 4 }] },
  ],
});
