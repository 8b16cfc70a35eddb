import rule from '../../../../src/core/lint/rules/DL3060';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM node:20\nRUN foo\n',
    { name: 'a builder stage nobody builds FROM', code: 'FROM node:20 AS foo\nRUN yarn install foo\nFROM scratch\nRUN hey\n' },
    { name: 'inherited stage that cleaned', code: 'FROM node:20 AS foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey\n' },
    { name: 'a cache mount keeps the cache out of the layer', code: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    { name: 'exec form', code: 'FROM node:20\nRUN ["yarn", "install"]\n' },
    { name: "a tmpfs mount over yarn's cache (as hadolint main)", code: 'FROM node:20\nRUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar\n' },
    { name: "a cache mount over yarn 2's global cache", code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.yarn/berry/cache yarn install\n' },
    { name: 'a clean after the last install', code: 'FROM node:20\nRUN yarn install && yarn build && yarn install --production && yarn cache clean\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 5, endColumn: 9, message: /^`yarn cache clean` missing after `yarn install`/ }],
      output: 'FROM node:20\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    { name: 'in the last stage', code: 'FROM node:20 AS foo\nRUN hey\nFROM scratch\nRUN yarn install\n', errors: [{ line: 4 }] },
    { name: 'in a stage another is built FROM', code: 'FROM node:20 AS foo\nRUN yarn install\nFROM foo\nRUN hey\n', errors: [{ line: 2 }] },
    {
      name: 'across continuation lines',
      code: 'FROM node:20\nRUN yarn install \\\n  --production\n',
      errors: [{ line: 2 }],
      output: 'FROM node:20\nRUN yarn install \\\n  --production && yarn cache clean\n',
    },
    { name: 'ONBUILD RUN, in any stage', code: 'FROM node:20 AS lib\nONBUILD RUN yarn install\nFROM scratch\n', errors: [{ line: 2, column: 13 }] },
    // The fix is offered only at the end of a plain shell-form script.
    {
      name: 'clean before the install (as hadolint main)',
      code: 'FROM node:20\nRUN yarn cache clean && yarn install foo\n',
      errors: [{ line: 2, column: 25 }],
      output: 'FROM node:20\nRUN yarn cache clean && yarn install foo && yarn cache clean\n',
    },
    {
      name: 'clean between two installs (hadolint main compares only the first clean with the first install)',
      code: 'FROM node:20\nRUN yarn install && yarn cache clean && yarn install --production\n',
      errors: [{ line: 2, column: 5 }],
    },
    { name: "a cache mount elsewhere does not keep yarn's cache out (as hadolint main)", code: 'FROM node:20\nRUN --mount=type=cache,target=/var/lib/foobar yarn install foobar\n', errors: [{ line: 2, column: 47 }] },
    { name: "a tmpfs mount elsewhere does not keep yarn's cache out (as hadolint main)", code: 'FROM node:20\nONBUILD RUN --mount=type=tmpfs,target=/var/lib/foobar yarn install foobar\n', errors: [{ line: 2, column: 55 }] },
    { name: 'no fix with a comment in the script', code: 'FROM node:20\nRUN yarn install; echo "#done"\n', errors: [{ line: 2 }], noFix: true },
    { name: 'no fix after a trailing &', code: 'FROM node:20\nRUN yarn install &\n', errors: [{ line: 2 }], noFix: true },
    { name: 'no fix in a heredoc', code: 'FROM node:20\nRUN <<EOF\nyarn install\nEOF\n', errors: [{ line: 3 }], noFix: true },
  ],
});
