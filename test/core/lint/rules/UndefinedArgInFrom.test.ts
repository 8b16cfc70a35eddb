import rule from '../../../../src/core/lint/rules/UndefinedArgInFrom';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'ARG BASE=alpine:3.20\nFROM ${BASE}\n',
    { name: 'a global ARG without default is declared', code: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'predefined platform args', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.20\n' },
    { name: 'ARGs inside a stage are not about FROM', code: 'FROM alpine:3.20\nARG X\nRUN echo $X\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 11, endColumn: 25, message: "FROM argument 'NODE_VERSON' is not declared (did you mean NODE_VERSION?)" }] },
    {
      name: 'an ARG declared only inside a stage',
      code: 'FROM alpine:3.20\nARG VERSION=1\nFROM myapp:$VERSION\n',
      errors: [{ line: 3, column: 12, message: "FROM argument 'VERSION' is not declared: declare `ARG VERSION` before the first FROM" }],
    },
    {
      name: 'in the --platform flag',
      code: 'FROM --platform=$BUILDPLATFROM golang:1.22\n',
      errors: [{ line: 1, column: 17, message: /did you mean BUILDPLATFORM\?/ }],
    },
    {
      name: 'several variables and a default word',
      code: 'ARG REGISTRY=docker.io\nFROM ${REGISTRY}/${REPO}:${TAG:-latest}\n',
      errors: [{ line: 2, column: 18, message: /'REPO'/ }, { line: 2, column: 26, message: /'TAG'/ }],
    },
  ],
});
