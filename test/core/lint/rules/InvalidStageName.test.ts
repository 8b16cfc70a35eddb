import rule from '../../../../src/core/lint/rules/InvalidStageName';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20 AS build_stage.v2\n',
    { name: 'upper case is lower-cased by BuildKit (StageNameCasing handles the style)', code: 'FROM alpine:3.20 AS Build\n' },
    { name: 'no stage name', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 1, column: 21, endColumn: 30, message: 'Invalid stage name `1st-build`: it must start with a letter' }] },
    { name: 'a symbol', code: 'FROM alpine:3.20 AS my@stage\n', errors: [{ line: 1, message: /may only contain letters, digits/ }] },
    { name: 'a variable is not expanded in stage names', code: 'ARG NAME=x\nFROM alpine:3.20 AS $NAME\n', errors: [{ line: 2, column: 21 }] },
    { name: 'in a later stage', code: 'FROM alpine:3.20 AS ok\nFROM ok AS _bad\n', errors: [{ line: 2, column: 12 }] },
  ],
});
