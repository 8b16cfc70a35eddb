import rule from '../../../../src/core/lint/rules/DL3029';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:jessie\n',
    'FROM --platform=$BUILDPLATFORM debian:jessie\n',
    'FROM --platform="$BUILDPLATFORM" debian:jessie\n',
    'FROM --platform=${BUILDPLATFORM} debian:jessie\n',
    'FROM --platform=${BUILDPLATFORM:-} debian:jessie\n',
    'FROM --platform=$TARGETPLATFORM debian:jessie\n',
    'FROM --platform=$TARGETOS/$TARGETARCH debian:jessie\n',
    { name: 'the build platform spelt from its parts (Shipshape keeps this; hadolint main only knows BUILDPLATFORM and TARGETPLATFORM)', code: 'FROM --platform=$BUILDOS/$BUILDARCH debian:jessie\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 1, column: 6, endColumn: 28, message: /`--platform=linux\/amd64` fixes the stage's platform/ }],
      output: 'FROM debian:12\n',
    },
    { code: 'FROM --platform=linux debian:jessie AS base\n', errors: [{ line: 1 }], output: 'FROM debian:jessie AS base\n' },
    { name: 'a user ARG is still a fixed platform', code: 'ARG PLATFORM=linux/arm64\nFROM --platform=$PLATFORM debian:12\n', errors: [{ line: 2 }] },
    {
      name: 'in a later stage',
      code: 'FROM debian:12 AS a\nfrom --platform=linux/arm64 alpine:3.20\n',
      errors: [{ line: 2, column: 6 }],
      output: 'FROM debian:12 AS a\nfrom alpine:3.20\n',
    },
  ],
});
