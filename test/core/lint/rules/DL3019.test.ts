import rule from '../../../../src/core/lint/rules/DL3019';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nRUN apk --no-cache add flex=2.6.4-r1\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n',
    'FROM alpine:3.20\nRUN apk del curl\n',
    { name: 'a tmpfs mount on /var/cache/apk (as hadolint main)', code: 'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 9, endColumn: 12, message: /--no-cache/ }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    },
    {
      name: 'cache mount elsewhere',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n',
      errors: [{ line: 2, column: 50 }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n',
    },
    {
      name: 'after apk update over a continuation',
      code: 'FROM alpine:3.20\nRUN apk update && \\\n    apk add --virtual .deps gcc=13.2.1\n',
      errors: [{ line: 3, column: 9 }],
      output: 'FROM alpine:3.20\nRUN apk update && \\\n    apk add --no-cache --virtual .deps gcc=13.2.1\n',
    },
    {
      name: 'in ONBUILD RUN',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add x=1\n',
      errors: [{ line: 2, column: 17 }],
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache x=1\n',
    },
  ],
});
