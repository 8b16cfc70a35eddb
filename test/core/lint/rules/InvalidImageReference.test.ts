import rule from '../../../../src/core/lint/rules/InvalidImageReference';
import { ruleTester } from '../rule-tester';

const digest = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    `FROM node:20-alpine@${digest}\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nFROM localhost:5000/team/app_x-y.z:1.0\nFROM scratch\n`,
    { name: 'a stage name in any case', code: 'FROM alpine:3.20 AS Build\nFROM Build\n' },
    { name: 'a declared ARG', code: 'ARG BASE\nFROM $BASE\nFROM ${BASE}:3.20\n' },
    { name: 'an undeclared ARG is UndefinedArgInFrom\'s', code: 'FROM $BASE\nFROM ${OTHER:-}\n' },
    { name: 'a partly variable reference is left to the build', code: 'FROM ${REGISTRY}/Team:${TAG}\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 1, column: 6, endColumn: 12, message: 'Image names must be lowercase: `Ubuntu` is an invalid reference, use `ubuntu`' }],
      output: rule.meta.examples.good,
    },
    { name: 'upper case after a registry', code: 'FROM ghcr.io/MyOrg/app:1\n', errors: [{ line: 1, column: 14, endColumn: 23 }], output: 'FROM ghcr.io/myorg/app:1\n' },
    { name: 'an empty tag', code: 'FROM alpine:\n', errors: [{ line: 1, message: /empty tag/ }] },
    { name: 'a bad tag', code: 'FROM alpine:.3\n', errors: [{ line: 1, column: 13, message: /Invalid tag `.3`/ }] },
    { name: 'an empty digest', code: 'FROM alpine@\n', errors: [{ line: 1, message: /empty digest/ }] },
    { name: 'a short digest', code: 'FROM alpine@sha256:abc\n', errors: [{ line: 1, column: 13, message: /Invalid digest `sha256:abc`/ }] },
    { name: 'a tag separator before a digest', code: `FROM alpine:@${digest}\n`, errors: [{ line: 1, message: /empty tag/ }] },
    { name: 'a second colon', code: 'FROM alpine:3:20\n', errors: [{ line: 1, message: /Invalid image name `alpine:3`/ }] },
    { name: 'in a later stage', code: 'FROM alpine:3.20 AS base\nFROM base\nFROM Node:20\n', errors: [{ line: 3, column: 6 }] },
  ],
});
