import rule from '../../../../src/core/lint/rules/DL3068';
import { ruleTester } from '../rule-tester';

// Cases after the open hadolint pull request that defines DL3068 (its spec), plus Shipshape's own.
ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'a command that is not npm', code: 'FROM node:20\nRUN echo hello\n' },
    { name: 'a cache mount at /root/.npm', code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm install\n' },
    { name: 'a tmpfs mount at /root/.npm', code: 'FROM node:20\nRUN --mount=type=tmpfs,target=/root/.npm npm install\n' },
    { name: "a non-root user's .npm (the target only has to contain .npm)", code: 'FROM node:20\nRUN --mount=type=cache,target=/home/node/.npm npm install\n' },
    { name: 'an ONBUILD RUN with a cache mount', code: 'FROM node:20\nONBUILD RUN --mount=type=cache,target=/root/.npm npm install\n' },
    { name: 'npm commands that download nothing', code: 'FROM node:20\nRUN npm run build && npm test\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 5, endColumn: 11, message: /^Use BuildKit cache mount for npm: `npm ci` writes its download cache .*--mount=type=cache,target=\/root\/\.npm/ }],
      noFix: true,
    },
    { name: 'npm install without a cache mount', code: 'FROM node:20\nRUN npm install\n', errors: [{ line: 2, message: /`npm install`/ }] },
    { name: 'npm ci in an ONBUILD RUN', code: 'FROM node:20\nONBUILD RUN npm ci\n', errors: [{ line: 2 }] },
    { name: 'npm install-ci-test and its alias it', code: 'FROM node:20\nRUN npm install-ci-test\nRUN npm it\n', errors: [{ line: 2 }, { line: 3 }] },
    { name: 'a cache mount at another path', code: 'FROM node:20\nRUN --mount=type=cache,target=/wrong/path npm install\n', errors: [{ line: 2 }] },
    { name: 'npm later in a chain, reported on the npm command', code: 'FROM node:20\nRUN cd /app && npm install --omit=dev\n', errors: [{ line: 2, column: 16 }] },
    { name: 'a bind mount over .npm is not a cache', code: 'FROM node:20\nRUN --mount=type=bind,source=.npm,target=/root/.npm npm ci\n', errors: [{ line: 2 }] },
    { name: 'npm i, the short install (Shipshape reads it; the pull request lists only install, ci, install-ci-test and it)', code: 'FROM node:20\nRUN npm i express\n', errors: [{ line: 2, message: /`npm i`/ }] },
    { name: 'one finding per RUN however many installs', code: 'FROM node:20\nRUN npm ci && npm install -g pm2\n', errors: [{ line: 2, column: 5 }] },
  ],
});
