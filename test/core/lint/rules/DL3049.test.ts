import rule from '../../../../src/core/lint/rules/DL3049';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.source': 'url' as const } } };
const two = { config: { labelSchema: { foo: 'text' as const, bar: 'text' as const } } };

ruleTester(rule, {
  valid: [
    { name: 'the base of a labelled stage is only its base, as hadolint main', code: 'FROM alpine:3.20 AS base\nFROM base\nLABEL foo=1 bar=2\n', options: two },
    {
      name: 'a chain of bases under a labelled stage (Shipshape silences the whole chain; hadolint main only the nearest base)',
      code: 'FROM alpine:3.20 AS base1\nFROM base1 AS base2\nFROM base2\nLABEL foo=1 bar=2\n',
      options: two,
    },
    { code: rule.meta.examples.good, options },
    { name: 'no schema, no requirement', code: rule.meta.examples.bad },
    { code: 'FROM alpine:3.20\nLABEL foo="x" bar="y"\n', options: two },
    { name: 'a stage built FROM a labelled stage inherits its labels', code: 'FROM alpine:3.20 AS base\nLABEL foo=1 bar=2\nFROM base\nRUN true\n', options: two },
    { name: 'stage names are case-insensitive', code: 'FROM alpine:3.20 AS Base\nLABEL foo=1 bar=2\nFROM base\n', options: two },
    { name: 'a stage only copied from needs no labels', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nLABEL foo=1 bar=2\nCOPY --from=build /out /app\n', options: two },
    { name: 'a stage copied from by index', code: 'FROM golang:1.22\nRUN go build\nFROM alpine:3.20\nLABEL foo=1 bar=2\nCOPY --from=0 /out /app\n', options: two },
  ],
  invalid: [
    {
      name: 'two stages built FROM a base, one labelled: only the other is reported, as hadolint main',
      code: 'FROM alpine:3.20 AS base\nFROM base\nLABEL foo=1 bar=2\nFROM base\n',
      options: two,
      errors: [{ line: 4, message: /`foo` is missing in stage 2/ }, { line: 4, message: /`bar`/ }],
    },
    { code: rule.meta.examples.bad, options, errors: [{ line: 1, column: 6, endColumn: 17, message: /^Label `org\.opencontainers\.image\.source` is missing in the image/ }] },
    { name: 'a wrong label does not count', code: 'FROM alpine:3.20\nLABEL baz="x"\n', options: two, errors: [{ line: 1, message: /`foo`/ }, { line: 1, message: /`bar`/ }] },
    {
      name: 'each stage needs them',
      code: 'FROM debian:12 AS one\nLABEL foo=1 bar=2\nFROM debian:12 AS two\nLABEL foo=1\n',
      options: two,
      errors: [{ line: 3, message: /^Label `bar` is missing in stage `two`/ }],
    },
    { name: 'ONBUILD LABEL labels only child images', code: 'FROM alpine:3.20\nONBUILD LABEL org.opencontainers.image.source=https://x.org\n', options, errors: [{ line: 1 }] },
  ],
});
