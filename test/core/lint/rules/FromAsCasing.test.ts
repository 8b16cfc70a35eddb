import rule from '../../../../src/core/lint/rules/FromAsCasing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'from debian:12 as builder\n',
    'FROM debian:12\n',
    { name: 'a mixed-case FROM is left to ConsistentInstructionCasing', code: 'From debian:12 as builder\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 1, column: 16, endColumn: 18, message: "'as' and 'FROM' keywords' casing do not match: write 'AS'" }],
      output: rule.meta.examples.good,
    },
    { name: 'lowercase from', code: 'from debian:12 AS builder\n', errors: [{ line: 1, message: "'AS' and 'from' keywords' casing do not match: write 'as'" }], output: 'from debian:12 as builder\n' },
    { name: 'mixed-case as', code: 'FROM golang:1.22 As build\nFROM alpine:3.20 aS run\n', errors: [{ line: 1 }, { line: 2 }], output: 'FROM golang:1.22 AS build\nFROM alpine:3.20 AS run\n' },
    { name: 'with --platform and a continuation', code: 'FROM --platform=$BUILDPLATFORM \\\n  golang:1.22 as build\n', errors: [{ line: 2, column: 15 }], output: 'FROM --platform=$BUILDPLATFORM \\\n  golang:1.22 AS build\n' },
  ],
});
