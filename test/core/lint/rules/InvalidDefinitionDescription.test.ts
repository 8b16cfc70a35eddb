import rule from '../../../../src/core/lint/rules/InvalidDefinitionDescription';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    '# VERSION is the version of the app\nARG VERSION=1.0\n',
    { name: 'an empty line separates a note', code: '# Build the app\n\nFROM golang:1.22 AS build\n' },
    { name: 'an empty comment ends the block', code: '# Some notes\n#\nARG VERSION\n' },
    { name: 'the stage name is matched in lowercase', code: '# build compiles the app\nFROM golang:1.22 AS Build\n' },
    { name: 'any key of a multi-key ARG', code: '# B is the second\nARG A B\n' },
    { name: 'no stage name, no description', code: '# Runtime image\nFROM alpine:3.20\n' },
    { name: 'parser directives are not descriptions', code: '# syntax=docker/dockerfile:1\nARG VERSION=1\n' },
    { name: 'other instructions are not checked', code: '# Install curl\nRUN apk add curl\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      name: 'on the instruction, as BuildKit, the comment related',
      errors: [{ line: 2, column: 1, endColumn: 5, related: [1], message: 'Comment for FROM should follow the format: `# base <description>`; if it is not a description, put an empty line after it' }],
      output: '# Base image for the app\n\nFROM alpine:3.20 AS base\n',
    },
    {
      name: 'ARG, only the last comment line counts',
      code: '# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\n',
      errors: [{ line: 3, related: [2], message: 'Comment for ARG should follow the format: `# foo <description>`; if it is not a description, put an empty line after it' }],
    },
    { name: 'several keys', code: 'FROM alpine:3.20\n# the versions\nARG A B\n', errors: [{ line: 3, message: /`# <arg_key> <description>`/ }] },
    { name: 'case-sensitive match', code: '# BasE this is the BasE image\nFROM scratch AS base\n', errors: [{ line: 2 }] },
    {
      name: 'as BuildKit, skip=all does not turn an enabled experimental check off',
      code: '# check=skip=all;experimental=InvalidDefinitionDescription\n# a note\nARG foo=bar\n',
      options: { config: { override: {} } },
      errors: [{ line: 3 }],
    },
  ],
});
