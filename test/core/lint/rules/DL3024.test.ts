import rule from '../../../../src/core/lint/rules/DL3024';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nFROM debian:12\n',
    'FROM debian:12 AS a\nFROM a AS b\n',
    'FROM debian:12 AS build-1\nFROM debian:12 AS build-2\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 3, column: 17, endColumn: 22, message: /`build` is already the name of the stage on line 1/ }] },
    { name: 'case-insensitive as BuildKit', code: 'FROM debian:12 AS Build\nFROM debian:12 AS build\n', errors: [{ line: 2 }] },
    { name: 'three times', code: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 as x\n', errors: [{ line: 2 }, { line: 3, message: /line 1/ }] },
  ],
});
