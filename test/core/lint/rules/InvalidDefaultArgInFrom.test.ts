import rule from '../../../../src/core/lint/rules/InvalidDefaultArgInFrom';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'ARG IMAGE=alpine:3.20\nFROM $IMAGE\n',
    { name: 'a default word in the reference', code: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n' },
    { name: 'registry with port, digest', code: 'ARG REG=localhost:5000\nFROM ${REG}/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'a literal name is another check’s business', code: 'FROM alpine:3.20\n' },
    { name: 'a stage name from a global ARG', code: 'ARG BASE=build\nFROM golang:1.22 AS build\nFROM ${BASE}\n' },
    { name: 'the predefined platform args have values', code: 'FROM --platform=$BUILDPLATFORM ${TARGETARCH}/alpine:3.20\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 6, message: 'Default value for ARG alpine:${TAG} results in empty or invalid base image name: give ARG TAG a default value' }],
    },
    { name: 'an image from an ARG without default', code: 'ARG IMAGE\nFROM $IMAGE AS base\n', errors: [{ line: 2, message: /ARG \$IMAGE results in empty/ }] },
    { name: 'an upper-case default', code: 'ARG REPO=MyApp\nFROM ${REPO}:1.0\n', errors: [{ line: 2, message: /"MyApp:1.0" is not a valid image name/ }] },
    { name: 'an undeclared variable is empty too', code: 'FROM python:${PY_VERSION}-slim\n', errors: [{ line: 1 }] },
  ],
});
