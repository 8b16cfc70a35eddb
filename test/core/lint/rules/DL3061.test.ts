import rule from '../../../../src/core/lint/rules/DL3061';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'ARG A=B\nFROM foo\nLABEL foo=bar\n',
    { name: 'parser directive and comment first', code: '# syntax=docker/dockerfile:1\n# a comment\nFROM node:20-alpine\n' },
    'FROM foo\nARG A=B\nRUN echo bla\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 1, endColumn: 6, message: /^Invalid instruction order: LABEL comes before the first FROM/ }] },
    { name: 'after a global ARG', code: 'ARG V=1\nENV X=$V\nFROM alpine:3.20\n', errors: [{ line: 2 }] },
    { name: 'each one', code: 'RUN a\nRUN b\nFROM alpine:3.20\nRUN c\n', errors: [{ line: 1 }, { line: 2 }] },
    { name: 'no FROM at all', code: 'RUN echo hi\n', errors: [{ line: 1 }] },
  ],
});
