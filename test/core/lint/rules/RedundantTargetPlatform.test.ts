import rule from '../../../../src/core/lint/rules/RedundantTargetPlatform';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    { name: 'a constant platform', code: 'FROM --platform=linux/arm64 alpine:3.20 AS arm64\n' },
    { name: 'more than TARGETPLATFORM substituted', code: 'ARG SUFFIX=\nFROM --platform=${TARGETPLATFORM}${SUFFIX} alpine:3.20\n' },
    { name: 'an undeclared variable next to it', code: 'FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n' },
    { name: 'a check comment above the FROM skips it (as BuildKit reads a stage\'s comments)', code: '\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 1, column: 6, endColumn: 32, message: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior' }],
      output: 'FROM alpine:3.20\n',
    },
    {
      name: 'braces, a stage name and a later stage',
      code: 'FROM golang:1.22 AS build\nFROM --platform=${TARGETPLATFORM}   alpine:3.20 AS run\n',
      errors: [{ line: 2, column: 6, message: /predefined \$\{TARGETPLATFORM\} in FROM/ }],
      output: 'FROM golang:1.22 AS build\nFROM alpine:3.20 AS run\n',
    },
    {
      name: 'a global ARG overriding TARGETPLATFORM changes nothing',
      code: 'ARG TARGETPLATFORM\nFROM --platform=$TARGETPLATFORM debian:12\n',
      errors: [{ line: 2 }],
      output: 'ARG TARGETPLATFORM\nFROM debian:12\n',
    },
  ],
});
