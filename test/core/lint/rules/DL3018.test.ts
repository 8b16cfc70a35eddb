import rule from '../../../../src/core/lint/rules/DL3018';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'values of --progress-fd and --wait written apart are not packages', code: 'FROM alpine:3.20\nRUN apk add --no-cache --progress-fd 3 --wait 30 jq=1.7.1-r0\n' },
    rule.meta.examples.good,
    'FROM alpine:3.20\nRUN apk add flex=2.6.4-r1\n',
    'FROM alpine:3.20\nRUN apk add --no-cache git~2.52.0\n',
    'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1 \\\n && pip install -r requirements.txt\n',
    'FROM alpine:3.20\nRUN apk add \\\n --virtual build-dependencies \\\n python-dev=1.1.1 build-base=2.2.2 \\\n && apk del build-dependencies\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --repository https://nl.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    'FROM alpine:3.20\nRUN apk add --no-cache -X https://nl.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    'FROM alpine:3.20\nRUN apk add mypackage-1.1.1.apk\n',
    'FROM alpine:3.20\nRUN apk add $PKGS\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 24, endColumn: 28, message: 'Pin versions in apk add: instead of `curl` use `curl=<version>`' }],
    },
    {
      name: 'one missed',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\nflex=2.6.4-r1 \\\nlibffi \\\npython2=2.7.13-r1\n',
      errors: [{ line: 4, column: 1 }],
    },
    { code: 'FROM alpine:3.20\nRUN apk --no-cache add -t .deps gcc musl-dev=1.2.5-r0\n', errors: [{ line: 2, column: 33 }] },
    { name: 'in ONBUILD RUN', code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\n', errors: [{ line: 2, column: 21 }] },
  ],
});
