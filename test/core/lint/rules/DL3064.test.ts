import rule from '../../../../src/core/lint/rules/DL3064';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN foobar\n',
    'ARG foobar\nFROM debian:12\nRUN foobar\n',
    'FROM debian:12\nENV foobar=barfoo\n',
    { name: 'a value that looks secret is not a name', code: 'FROM debian:12\nENV MODE=token\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 5, endColumn: 14, message: /^`NPM_TOKEN` looks like sensitive data: ARG values/ }] },
    { name: 'a global ARG', code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:12\n', errors: [{ line: 1, column: 5 }] },
    { name: 'different casing', code: 'ARG openai_api_key\nFROM debian:12\n', errors: [{ line: 1 }] },
    { name: 'ENV', code: 'FROM debian:12\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\n', errors: [{ line: 2, column: 5, message: /ENV values/ }] },
    { name: 'a suspicious word inside a name', code: 'FROM debian:12\nENV my_password=abc\n', errors: [{ line: 2 }] },
    { name: 'every pair of ENV, legacy form too', code: 'FROM debian:12\nENV A=1 DB_SECRET=x\nENV GH_TOKEN abc\n', errors: [{ line: 2, column: 9 }, { line: 3, column: 5 }] },
    { name: 'ARG with a default', code: 'FROM debian:12\nARG DOCKER_PASSWORD=hunter2\n', errors: [{ line: 2 }] },
    { name: 'in ONBUILD', code: 'FROM debian:12\nONBUILD ENV API_KEY=x\n', errors: [{ line: 2 }] },
  ],
});
