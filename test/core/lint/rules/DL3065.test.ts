import rule from '../../../../src/core/lint/rules/DL3065';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    'FROM --platform=linux/arm64 alpine:3.20\n',
    'FROM --platform=$FOOBAR alpine:3.20\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 1, column: 6, endColumn: 32, message: /^`--platform=\$TARGETPLATFORM` is redundant/ }],
      output: 'FROM alpine:3.20\n',
    },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine:3.20 AS x\n', errors: [{ line: 1 }], output: 'FROM alpine:3.20 AS x\n' },
    { name: 'in a later stage', code: 'FROM alpine:3.20 AS a\nFROM  --platform=$TARGETPLATFORM   debian:12\n', errors: [{ line: 2, column: 7 }], output: 'FROM alpine:3.20 AS a\nFROM  debian:12\n' },
  ],
});
