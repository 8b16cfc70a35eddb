import rule from '../../../../src/core/lint/rules/InvalidBaseImagePlatform';
import type { LocalImages } from '../../../../src/core/lint/types';
import { ruleTester } from '../rule-tester';

/** Local images of an amd64 machine: `node:20-alpine` was pulled for amd64, `arm/app:1` for arm64. */
const localImages: LocalImages = {
  defaultPlatform: 'linux/amd64',
  platformOf: (ref) => ({ 'node:20-alpine': 'linux/amd64', 'arm/app:1': 'linux/arm64/v8', 'win:1': 'windows/amd64' })[ref],
};
const options = { localImages };

ruleTester(rule, {
  valid: [
    { name: 'the good example', code: rule.meta.examples.good, options },
    { name: 'without local images nothing is known', code: 'FROM arm/app:1\n' },
    { name: 'an image that is not present locally', code: 'FROM debian:12\n', options },
    { name: 'the variant does not matter', code: 'FROM --platform=linux/arm64 arm/app:1\n', options },
    { name: 'build platform and stages', code: 'FROM --platform=$BUILDPLATFORM node:20-alpine AS build\nFROM build\nFROM scratch\n', options },
  ],
  invalid: [
    {
      name: 'the bad example',
      code: rule.meta.examples.bad,
      options,
      errors: [{ line: 1, column: 29, message: 'Base image node:20-alpine was pulled with platform "linux/amd64", expected "linux/arm64" for current build: pull it with --platform linux/arm64' }],
    },
    { name: 'default platform', code: 'FROM arm/app:1\n', options, errors: [{ line: 1, column: 6, message: /platform "linux\/arm64\/v8", expected "linux\/amd64"/ }] },
    { name: 'an image from a global ARG', code: 'ARG BASE=win:1\nFROM ${BASE}\n', options, errors: [{ line: 2, message: /Base image win:1 .* "windows\/amd64"/ }] },
  ],
});
