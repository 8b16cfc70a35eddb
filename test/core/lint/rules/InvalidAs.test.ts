import rule from '../../../../src/core/lint/rules/InvalidAs';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\n',
    { name: 'AS in any case (FromAsCasing handles the style)', code: 'FROM alpine:3.20 as build\n' },
    { name: 'two words are ExtraArguments\'s', code: 'FROM alpine:3.20 builder\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 18, endColumn: 20, message: 'Expected AS before the stage name `build`, found `AZ`' }], output: rule.meta.examples.good },
    { name: 'AS without a name', code: 'FROM alpine:3.20 AS\n', errors: [{ line: 1, column: 18, message: '`AS` needs a stage name after it: FROM alpine:3.20 AS <name>' }] },
    { name: 'another word is not changed', code: 'FROM alpine:3.20 named build\n', errors: [{ line: 1, column: 18, message: /found `named`/ }] },
    { name: 'in a later stage', code: 'FROM alpine:3.20 AS a\nFROM a ASS b\n', errors: [{ line: 2, column: 8 }], output: 'FROM alpine:3.20 AS a\nFROM a AS b\n' },
  ],
});
