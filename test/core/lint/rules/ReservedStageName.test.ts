import rule from '../../../../src/core/lint/rules/ReservedStageName';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [rule.meta.examples.good, 'FROM scratch\n', 'FROM alpine AS contexts\n', 'FROM alpine AS build\nCOPY --from=context /x /y\n'],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 21, endColumn: 28, message: 'Stage name should not use the same name as reserved stage "scratch": rename the stage' }] },
    { name: 'context', code: 'FROM alpine:3.20 AS context\n', errors: [{ line: 1, message: /reserved stage "context"/ }] },
    { name: 'any casing', code: 'FROM alpine:3.20 AS base\nFROM base AS Scratch\n', errors: [{ line: 2, column: 14, message: /reserved stage "scratch"/ }] },
    {
      name: 'a check comment above the FROM does not skip it: BuildKit checks stage names over the whole file',
      code: 'FROM alpine:3.20\n# check=skip=ReservedStageName\nFROM alpine:3.20 AS scratch\n',
      errors: [{ line: 3 }],
    },
  ],
});
