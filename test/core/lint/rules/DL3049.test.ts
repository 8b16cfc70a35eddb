import rule from '../../../../src/core/lint/rules/DL3049';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.source': 'url' as const } } };
const two = { config: { labelSchema: { foo: 'text' as const, bar: 'text' as const } } };

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'no schema, no requirement', code: rule.meta.examples.bad },
    { code: 'FROM alpine:3.20\nLABEL foo="x" bar="y"\n', options: two },
    { name: 'a stage built FROM a labelled stage inherits its labels', code: 'FROM alpine:3.20 AS base\nLABEL foo=1 bar=2\nFROM base\nRUN true\n', options: two },
    { name: 'stage names are case-insensitive', code: 'FROM alpine:3.20 AS Base\nLABEL foo=1 bar=2\nFROM base\n', options: two },
    { name: 'a stage only copied from needs no labels', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nLABEL foo=1 bar=2\nCOPY --from=build /out /app\n', options: two },
    { name: 'a stage copied from by index', code: 'FROM golang:1.22\nRUN go build\nFROM alpine:3.20\nLABEL foo=1 bar=2\nCOPY --from=0 /out /app\n', options: two },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 1, column: 6, endColumn: 17, message: /^Label `org\.opencontainers\.image\.source` is missing in the image/ }] },
    { name: 'a wrong label does not count', code: 'FROM alpine:3.20\nLABEL baz="x"\n', options: two, errors: [{ line: 1, message: /`foo`/ }, { line: 1, message: /`bar`/ }] },
    {
      name: 'each stage needs them',
      code: 'FROM debian:12 AS one\nLABEL foo=1 bar=2\nFROM debian:12 AS two\nLABEL foo=1\n',
      options: two,
      errors: [{ line: 3, message: /^Label `bar` is missing in stage `two`/ }],
    },
    {
      name: 'a parent stage without labels is reported even when its child has them',
      code: 'FROM debian:12 AS base\nFROM base\nLABEL foo=1 bar=2\n',
      options: two,
      errors: [{ line: 1, message: /`foo`.*stage `base`/ }, { line: 1, message: /`bar`/ }],
    },
    { name: 'ONBUILD LABEL labels only child images', code: 'FROM alpine:3.20\nONBUILD LABEL org.opencontainers.image.source=https://x.org\n', options, errors: [{ line: 1 }] },
  ],
});
