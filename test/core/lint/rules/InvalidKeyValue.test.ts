import rule from '../../../../src/core/lint/rules/InvalidKeyValue';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nENV A=1 B="two words" C=\'single\' D=\nENV LEGACY value with spaces\nLABEL "com.example.key"="v" description="It\'s fine"\n',
    { name: 'ARG without a default', code: 'ARG VERSION\nFROM alpine:3.20\nARG A B=2\n' },
    { name: 'a quote in a comment between continuation lines', code: "FROM alpine:3.20\nENV A=1 \\\n# it's a comment\n    B=2\n" },
    { name: 'an escaped quote', code: 'FROM alpine:3.20\nENV A=it\\\'s B="say \\"hi\\""\n' },
    { name: 'a quoted value over continuation lines', code: 'FROM alpine:3.20\nLABEL description="one \\\n    two"\n' },
    { name: 'the backtick escape', code: '# escape=`\nFROM alpine:3.20\nENV A="x`"y"\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 13, message: 'ENV `APP_HOME` has no value: write APP_HOME=<value>' }],
      output: 'FROM alpine:3.20\nENV APP_HOME=\n',
    },
    { name: 'a missing = among several pairs', code: 'FROM alpine:3.20\nENV A=1 B\n', errors: [{ line: 2, column: 9, message: '`B` has no `=`: with several pairs ENV takes NAME=value for each' }] },
    { name: 'LABEL without a value', code: 'FROM alpine:3.20\nLABEL version\n', errors: [{ line: 2, message: /LABEL `version` has no value/ }] },
    { name: 'an empty name', code: 'FROM alpine:3.20\nENV =1\nLABEL ="x"\n', errors: [{ line: 2, message: 'ENV name is empty before `=`: write NAME=value' }, { line: 3 }] },
    { name: 'an empty ARG name', code: 'FROM alpine:3.20\nARG =x\n', errors: [{ line: 2, column: 5 }] },
    { name: 'an unclosed double quote', code: 'FROM alpine:3.20\nENV A="x\n', errors: [{ line: 2, column: 5, message: 'Unclosed double quote in `A="x`: add the closing "' }] },
    { name: 'an unclosed single quote', code: "FROM alpine:3.20\nLABEL a='x\n", errors: [{ line: 2, message: /Unclosed single quote/ }] },
    { name: 'an apostrophe in an unquoted value', code: "FROM alpine:3.20\nENV GREETING=it's\n", errors: [{ line: 2, message: /Unclosed single quote/ }] },
    { name: 'an unclosed quote in a key', code: 'FROM alpine:3.20\nLABEL "a=b\n', errors: [{ line: 2 }] },
    { name: 'in ARG', code: 'FROM alpine:3.20\nARG A="x\n', errors: [{ line: 2 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD ENV A\n', errors: [{ line: 2, column: 13 }] },
  ],
});
