import rule from '../../../../src/core/lint/rules/DL3063';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM scratch\nCOPY app /app\n',
    'FROM alpine:3.20 AS contexts\n',
    { name: 'using scratch as an image is fine', code: 'FROM golang:1.22 AS build\nFROM scratch AS final\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 21, endColumn: 28, message: /^Stage name `scratch` is a reserved word/ }] },
    { code: 'FROM alpine:3.20 AS context\n', errors: [{ line: 1, column: 21 }] },
    { name: 'case-insensitive as BuildKit', code: 'FROM alpine:3.20 as Scratch\n', errors: [{ line: 1, message: /`Scratch`/ }] },
    { name: 'in a later stage', code: 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS context\n', errors: [{ line: 2 }] },
  ],
});
