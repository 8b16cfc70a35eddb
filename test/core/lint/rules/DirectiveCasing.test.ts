import rule from '../../../../src/core/lint/rules/DirectiveCasing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    '# syntax=docker/dockerfile:1\n# check=skip=all\nFROM alpine:3.20\n',
    { name: 'an ordinary comment', code: '# Escape hatch below\nFROM alpine:3.20\n' },
    { name: 'after the directive block it is a comment', code: '# note\n# ESCAPE=`\nFROM alpine:3.20\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 3, endColumn: 9, message: 'Write the parser directive `Escape` in lowercase: `escape`' }], output: rule.meta.examples.good },
    { name: 'upper-case syntax', code: '# SYNTAX=docker/dockerfile:1\nFROM alpine:3.20\n', errors: [{ line: 1 }], output: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n' },
    { name: 'each directive on its own', code: '# Syntax=docker/dockerfile:1\n# CHECK=skip=all\nFROM alpine:3.20\n', errors: [{ line: 1 }, { line: 2 }] },
  ],
});
