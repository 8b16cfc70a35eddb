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
    { name: 'COPY --from a trusted registry, as hadolint main', code: 'FROM trusted.com/base:1\nCOPY --from=trusted.com/repo/image:tag /foo /bar\n', options: trust('trusted.com') },
    { name: 'COPY --from an earlier stage', code: 'FROM trusted.com/base:1 AS Build\nFROM trusted.com/base:1\nCOPY --from=build /foo /bar\n', options: trust('trusted.com') },
    { name: 'COPY --from a stage index (Shipshape keeps this; hadolint main reads `0` as a Docker Hub image)', code: 'FROM trusted.com/base:1\nFROM trusted.com/base:1\nCOPY --from=0 /foo /bar\n', options: trust('trusted.com') },
    { name: 'a bind mount from a trusted registry, as hadolint main', code: 'FROM trusted.com/base:1\nRUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n', options: trust('trusted.com') },
    { name: 'a cache mount from a trusted registry, as hadolint main', code: 'FROM trusted.com/base:1\nRUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar\n', options: trust('trusted.com') },
    { name: 'a cache mount without from=', code: 'FROM trusted.com/base:1\nRUN --mount=type=cache,target=/root/.cache foobar\n', options: trust('trusted.com') },
    { name: 'a secret mount is not pulled', code: 'FROM trusted.com/base:1\nRUN --mount=type=secret,id=x,from=untrusted.com/x foobar\n', options: trust('trusted.com') },
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
    {
      name: 'COPY --from an untrusted registry, as hadolint main',
      code: 'FROM trusted.com/base:1\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n',
      options: trust('trusted.com'),
      errors: [{ line: 2, column: 13, message: /^Use only an allowed registry in the COPY --from image: `untrusted.com` is not one/ }],
    },
    {
      name: 'COPY --from a Docker Hub image when only a private registry is trusted, as hadolint main',
      code: 'FROM trusted.com/base:1\nCOPY --from=alpine:3.20 /bin/busybox /bin/\n',
      options: trust('trusted.com'),
      errors: [{ line: 2, message: /`docker.io`/ }],
    },
    {
      name: 'a bind mount from an untrusted registry, as hadolint main',
      code: 'FROM trusted.com/base:1\nRUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n',
      options: trust('trusted.com'),
      errors: [{ line: 2, column: 13, message: /RUN --mount from= image: `untrusted.com`/ }],
    },
    {
      name: 'a cache mount from an untrusted registry, as hadolint main',
      code: 'FROM trusted.com/base:1\nRUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n',
      options: trust('trusted.com'),
      errors: [{ line: 2 }],
    },
    {
      name: 'every form of docker.io is distrusted when only another registry is trusted, as hadolint main',
      code: 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n',
      options: trust('trusted.com'),
      errors: [{ line: 1 }, { line: 2 }, { line: 3 }],
    },
    { name: 'later stage names do not count', code: 'FROM builder\nFROM random.com/x AS builder\n', options: trust('random.com'), errors: [{ line: 1 }] },
  ],
});
