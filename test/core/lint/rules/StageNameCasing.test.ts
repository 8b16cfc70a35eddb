import rule from '../../../../src/core/lint/rules/StageNameCasing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [rule.meta.examples.good, 'FROM alpine:3.20\n', 'FROM golang:1.22 AS build-2.x_final\n'],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 1, column: 21, endColumn: 28, message: "Stage name 'Builder' should be lowercase" }],
      output: rule.meta.examples.good,
    },
    {
      name: 'every reference: FROM <stage>, COPY --from, RUN --mount from=, ONBUILD',
      code:
        'FROM node:20 AS Deps\nRUN npm ci\nFROM Deps AS Build\nRUN --mount=type=cache,from=DEPS,source=/root/.npm,target=/root/.npm npm run build\n' +
        'FROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\nONBUILD COPY --from=Deps /x /y\n',
      errors: [{ line: 1, column: 17 }, { line: 3, column: 14, message: "Stage name 'Build' should be lowercase" }],
      output:
        'FROM node:20 AS deps\nRUN npm ci\nFROM deps AS build\nRUN --mount=type=cache,from=deps,source=/root/.npm,target=/root/.npm npm run build\n' +
        'FROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\nONBUILD COPY --from=deps /x /y\n',
    },
    {
      name: 'an image named like the stage before the stage is not a reference',
      code: 'FROM app AS first\nFROM alpine AS APP\nCOPY --from=first / /\n',
      errors: [{ line: 2, column: 16 }],
      output: 'FROM app AS first\nFROM alpine AS app\nCOPY --from=first / /\n',
    },
  ],
});
