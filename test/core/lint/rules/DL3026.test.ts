import rule from '../../../../src/core/lint/rules/DL3026';
import { ruleTester } from '../rule-tester';

const trust = (...trustedRegistries: string[]) => ({ config: { trustedRegistries } });

ruleTester(rule, {
  valid: [
    { name: 'off without trustedRegistries', code: 'FROM random.com/debian\n' },
    { code: rule.meta.examples.good, options: trust('docker.io') },
    { code: 'FROM random.com/debian\n', options: trust('x.com', 'random.com') },
    { code: 'FROM scratch\n', options: trust('x.com') },
    { code: 'FROM ubuntu:18.04 AS b1\nFROM zemanlx/ubuntu:18.04 AS b2\nFROM docker.io/zemanlx/ubuntu:18.04 AS b3\n', options: trust('docker.io') },
    { code: 'FROM ubuntu:18.04\n', options: trust('hub.docker.com') },
    { name: 'earlier stages', code: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', options: trust('random.com') },
    { code: 'FROM foo.random.com/debian\n', options: trust('x.com', '*.random.com') },
    { code: 'FROM ghcr.io/a/b:1\nFROM c:1\n', options: trust('*') },
    { name: 'computed image', code: 'ARG REG=x.com\nFROM ${REG}/app:1\n', options: trust('docker.io') },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      options: trust('docker.io'),
      errors: [{ line: 1, column: 6, message: /`quay.io` is not one of the trusted registries \(docker.io\)/ }],
    },
    { code: 'FROM random.com/debian\n', options: trust('docker.io'), errors: [{ line: 1 }] },
    { code: 'FROM x.com/debian\n', options: trust('*.random.com'), errors: [{ line: 1 }] },
    {
      name: 'Docker Hub image when only a private registry is trusted',
      code: 'FROM registry.corp/base:1 AS base\nFROM alpine:3.20\n',
      options: trust('registry.corp'),
      errors: [{ line: 2, message: /`docker.io`/ }],
    },
    { name: 'later stage names do not count', code: 'FROM builder\nFROM random.com/x AS builder\n', options: trust('random.com'), errors: [{ line: 1 }] },
  ],
});
