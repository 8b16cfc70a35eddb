import rule from '../../../../src/core/lint/rules/SecretsUsedInArgOrEnv';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'the token must be a whole _-separated word', code: 'FROM alpine:3.20\nENV KEYCLOAK_URL=x MONKEY=y TOKENIZER=z AUTHOR=me PASSWORDLESS=1 GPG_KEYS=abc\n' },
    { name: 'public, file and version names are allowed', code: 'FROM alpine:3.20\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/db TOKEN_VERSION=2 AUTH_PUBLIC=1\n' },
    { name: 'global ARGs are not dispatched into the image', code: 'ARG GITHUB_TOKEN\nFROM alpine:3.20\n' },
    { name: 'a check comment above the ENV skips it, with a reason after //, as BuildKit', code: 'FROM scratch\n# check=skip=SecretsUsedInArgOrEnv // allow secret in environment\nENV password=bar\n' },
    { name: 'skip=all above the ARG skips it for that ARG only', code: 'FROM scratch\n# check=skip=all // is local to only this instruction\nARG alternate_password\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 14, message: 'Do not use ARG or ENV instructions for sensitive data (ARG "NPM_TOKEN"): pass it with RUN --mount=type=secret instead' }],
    },
    {
      name: 'every secret-like token, any case, first or last word',
      code: 'FROM alpine:3.20\nENV api_key=1 DB_PASSWORD=2 Secret_Message=3 AUTH=4 AWS_CREDENTIALS=5 APIKEY=6 MY_PWORD=7 MY_PASSWD=8 X_CREDENTIAL=9\n',
      errors: [
        { line: 2, column: 5, message: /ENV "api_key"/ },
        { line: 2, message: /DB_PASSWORD/ },
        { line: 2, message: /Secret_Message/ },
        { line: 2, message: /"AUTH"/ },
        { line: 2, message: /AWS_CREDENTIALS/ },
        { line: 2, message: /APIKEY/ },
        { line: 2, message: /MY_PWORD/ },
        { line: 2, message: /MY_PASSWD/ },
        { line: 2, message: /X_CREDENTIAL/ },
      ],
    },
    { name: 'the second name of an ARG', code: 'FROM alpine:3.20\nARG USER API_TOKEN=x\n', errors: [{ line: 2, column: 10, endColumn: 19, message: /ARG "API_TOKEN"/ }] },
    { name: 'a token in the middle', code: 'FROM alpine:3.20\nARG AWS_SECRET_ACCESS_KEY\n', errors: [{ line: 2, message: /AWS_SECRET_ACCESS_KEY/ }] },
    { name: 'legacy ENV form, later stage', code: 'FROM alpine:3.20 AS a\nFROM a\nENV GITHUB_TOKEN abc\n', errors: [{ line: 3, column: 5 }] },
    {
      name: 'a check comment applies to the instruction right below it only (as BuildKit)',
      code: 'FROM scratch\n# check=skip=SecretsUsedInArgOrEnv\nENV password=bar\nARG password\n',
      errors: [{ line: 4 }],
    },
  ],
});
