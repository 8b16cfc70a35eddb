import rule from '../../../../src/core/lint/rules/DL3066';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM foo:bar\nUSER 1234:5678\n',
    { name: 'only the numeric part counts', code: 'FROM foo:bar\nUSER 1234:staff\n' },
    { name: 'a declared ARG', code: 'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n' },
    { name: 'a declared ENV', code: 'FROM foobar:barfoo\nENV APP_UID=10001\nUSER $APP_UID\n' },
    { name: 'an earlier stage does not matter', code: 'FROM foo:bar AS build\nUSER foobar\nFROM foobar:barfoo\nUSER 1234\n' },
    { name: 'a later numeric USER wins', code: 'FROM foo:bar\nUSER foobar\nUSER 1234\n' },
    { name: 'no USER', code: 'FROM foo:bar\n' },
    { name: 'in a Dockerfile fragment without FROM, as hadolint: a numeric user', code: 'USER 10001\n' },
    { name: 'in a Dockerfile fragment without FROM, as hadolint: a user from an ARG', code: 'ARG APP_UID\nUSER $APP_UID\n' },
    { name: 'a fragment followed by a FROM is not the last stage', code: 'USER app\nFROM debian:12\nUSER 10001\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 3, column: 6, endColumn: 9, message: /^Non-numeric user `app` may not be resolvable/ }] },
    { code: 'FROM foo:bar\nUSER foobar:barfoo\n', errors: [{ line: 2, message: /`foobar`/ }] },
    { name: 'the last stage', code: 'FROM foo:bar AS build\nUSER 1234\nFROM foobar:barfoo\nUSER foobar\n', errors: [{ line: 4 }] },
    { name: 'a later name wins', code: 'FROM foo:bar\nUSER 1234\nUSER foobar\n', errors: [{ line: 3 }] },
    { name: 'an undeclared variable', code: 'FROM foo:bar\nUSER $APP_USER\n', errors: [{ line: 2 }] },
    { name: 'a declared name that is only a prefix of the variable', code: 'FROM foo:bar\nARG USER\nUSER $USER_ID\n', errors: [{ line: 3 }] },
    { name: 'a declared name that is only a prefix, braced', code: 'FROM foo:bar\nENV APP=x\nUSER ${APP_UID}\n', errors: [{ line: 3 }] },
    { name: 'in a Dockerfile fragment without FROM, as hadolint: a non-numeric user', code: 'USER app\n', errors: [{ line: 1, column: 6 }] },
  ],
});
