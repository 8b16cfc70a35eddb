import rule from '../../../../src/core/lint/rules/InvalidDirective';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    '# syntax=docker/dockerfile:1\n# escape=\\\n# check=skip=all\nFROM alpine:3.20\n',
    { name: 'a directive after an ordinary comment is just a comment', code: '# hello\n# escape=x\nFROM alpine:3.20\n' },
    { name: 'an empty escape is not a directive', code: '# escape=\nFROM alpine:3.20\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 10, endColumn: 11, message: 'Invalid escape character `/`: use \\ (the default) or ` (backtick)' }] },
    { name: 'escape given twice', code: '# escape=`\n# escape=\\\nFROM alpine:3.20\n', errors: [{ line: 2, column: 3, message: /Only one `escape` parser directive/ }] },
    { name: 'syntax given twice, in another case', code: '# syntax=docker/dockerfile:1\n# SYNTAX=docker/dockerfile:1.7\nFROM alpine:3.20\n', errors: [{ line: 2, message: /Only one `syntax`/ }] },
    { name: 'check given twice', code: '# check=skip=all\n# check=error=true\nFROM alpine:3.20\n', errors: [{ line: 2 }] },
  ],
});
