import rule from '../../../../src/core/lint/rules/ExtraArguments';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20 AS build\nSTOPSIGNAL SIGTERM\nUSER 1000:1000\nHEALTHCHECK NONE\n',
    { name: 'a WORKDIR path may contain spaces', code: 'FROM alpine:3.20\nWORKDIR /my app\n' },
    { name: 'FROM x AS is InvalidAs\'s', code: 'FROM alpine:3.20 AS\n' },
    { name: 'HEALTHCHECK CMD takes a command', code: 'FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 10, endColumn: 13, message: 'USER takes one user, as <user>[:<group>]: `app` is extra' }],
      output: 'FROM alpine:3.20\nUSER app:app\n',
    },
    { name: 'STOPSIGNAL with two signals', code: 'FROM alpine:3.20\nSTOPSIGNAL SIGTERM SIGKILL\n', errors: [{ line: 2, column: 20, message: 'STOPSIGNAL takes one signal: `SIGKILL` is extra' }] },
    { name: 'FROM with a word that is not AS', code: 'FROM alpine:3.20 builder\n', errors: [{ line: 1, column: 18, message: /Unexpected `builder` after the image/ }] },
    { name: 'FROM with words after the stage name', code: 'FROM alpine:3.20 AS build extra words\n', errors: [{ line: 1, column: 27, endColumn: 38, message: /Unexpected `extra words` after the stage name/ }] },
    {
      name: 'HEALTHCHECK NONE with arguments',
      code: 'FROM alpine:3.20\nHEALTHCHECK NONE CMD true\n',
      errors: [{ line: 2, column: 18, message: /HEALTHCHECK NONE takes no arguments/ }],
      output: 'FROM alpine:3.20\nHEALTHCHECK NONE\n',
    },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD USER a b\n', errors: [{ line: 2, column: 16 }] },
  ],
});
