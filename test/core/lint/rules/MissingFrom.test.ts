import rule from '../../../../src/core/lint/rules/MissingFrom';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nRUN echo hi\n',
    { name: 'comments and directives before FROM', code: '# syntax=docker/dockerfile:1\n# a comment\n\nFROM alpine:3.20\n' },
    { name: 'an instruction before FROM is DL3061\'s', code: 'RUN echo hi\nFROM alpine:3.20\n' },
    { name: 'an unknown first word is UnknownInstruction\'s', code: 'FORM alpine:3.20\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 1, endColumn: 17, message: 'This Dockerfile has only ARG instructions: add FROM <image> to start a build stage' }] },
    { name: 'several ARGs', code: 'ARG A=1\nARG B\n', errors: [{ line: 1 }] },
    { name: 'an empty file', code: '', errors: [{ line: 1, column: 1, message: 'This Dockerfile has no instructions: start it with FROM <image>' }] },
    { name: 'only comments', code: '# just a comment\n', errors: [{ line: 1, message: /no instructions/ }] },
  ],
});
