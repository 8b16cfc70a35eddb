import rule from '../../../../src/core/lint/rules/FromPlatformFlagConstDisallowed';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\n',
    { name: 'the stage is named after the architecture', code: 'FROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n' },
    { name: 'the stage is named after the OS', code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-base\n' },
    { name: 'an alias of the architecture in the stage name', code: 'FROM --platform=linux/x86_64 debian:12 AS deps-amd64\n' },
    { name: 'a variable', code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM debian:12\n' },
    { name: 'an unparsable platform is an error elsewhere', code: 'FROM --platform=not/a/valid/platform debian:12\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 1, column: 6, endColumn: 28, message: 'FROM --platform flag should not use constant value "linux/amd64": use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform' }],
    },
    { name: 'without a stage name', code: 'FROM --platform=linux/arm64/v8 node:20\n', errors: [{ line: 1, message: /"linux\/arm64\/v8"/ }] },
    { name: 'a quoted constant', code: 'FROM --platform="linux/amd64" node:20 AS web\n', errors: [{ line: 1, message: /"linux\/amd64"/ }] },
    { name: 'an architecture alone', code: 'FROM --platform=arm64 node:20 AS web\n', errors: [{ line: 1, message: /"arm64"/ }] },
  ],
});
