import rule from '../../../../src/core/lint/rules/FlagMissingValue';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'true/false flags may stand alone', code: 'FROM alpine:3.20\nCOPY --link --parents a /b/\nADD --keep-git-dir --unpack https://x/y.git /src\n' },
    { name: 'an empty --chown is accepted by BuildKit', code: 'FROM alpine:3.20\nCOPY --chown= a /b/\n' },
    { name: 'unknown flags are UnknownFlag\'s', code: 'FROM alpine:3.20\nCOPY --foo a /b/\n' },
    'FROM alpine:3.20\nHEALTHCHECK --interval=5s --retries=3 CMD true\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 6, endColumn: 12, message: '`--from` needs a value: write `--from=<stage or image>`' }] },
    { name: 'FROM --platform', code: 'FROM --platform alpine:3.20\n', errors: [{ line: 1, column: 6, message: /--platform=<os>\/<arch>/ }] },
    {
      name: 'a true/false flag with an empty value',
      code: 'FROM alpine:3.20\nCOPY --link= a /b/\n',
      errors: [{ line: 2, column: 6, message: '`--link=` has no value: write `--link` or `--link=true`' }],
      output: 'FROM alpine:3.20\nCOPY --link a /b/\n',
    },
    { name: 'an empty quoted value', code: 'FROM alpine:3.20\nCOPY --link="" a /b/\n', errors: [{ line: 2, column: 6 }] },
    { name: 'an empty --from', code: 'FROM alpine:3.20\nCOPY --from= a /b/\n', errors: [{ line: 2, message: /empty value/ }] },
    { name: 'RUN --mount and --network', code: 'FROM alpine:3.20\nRUN --mount --network= echo\n', errors: [{ line: 2, column: 5 }, { line: 2, column: 13 }] },
    { name: 'HEALTHCHECK --retries', code: 'FROM alpine:3.20\nHEALTHCHECK --retries CMD true\n', errors: [{ line: 2, column: 13 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD ADD --chmod a /b/\n', errors: [{ line: 2, column: 13 }] },
  ],
});
