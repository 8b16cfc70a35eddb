import assert from 'node:assert/strict';
import { isValidImageReference } from '../../../src/core/dockerfile/image-reference';

describe('core/dockerfile/image-reference', () => {
  it('follows distribution/reference', () => {
    const valid = [
      'alpine', 'alpine:3.20', 'library/alpine', 'ghcr.io/owner-x/app:v1', 'Registry.Example.com/app', 'localhost/app', 'my.reg:5000/a/b_c__d-e:1.0-rc.1',
      'scratch', 'build',
    ];
    for (const ok of valid) assert.ok(isValidImageReference(ok), ok);
    const invalid = ['', 'alpine:', ':tag', 'Alpine', 'owner/App', 'a//b', 'a:b:c', '-a', 'a@sha256:short', 'a'.repeat(64).replace(/a/g, 'f')];
    for (const bad of invalid) assert.ok(!isValidImageReference(bad), bad);
  });

  it('accepts digests, IPv6 registries and ports, and limits the name length', () => {
    assert.ok(isValidImageReference(`alpine@sha256:${'0'.repeat(64)}`));
    assert.ok(isValidImageReference(`reg:5000/app:1@sha256:${'a'.repeat(64)}`));
    assert.ok(isValidImageReference('[::1]:5000/app'));
    assert.ok(!isValidImageReference(`reg/${'a'.repeat(260)}`));
    assert.ok(!isValidImageReference(`app:${'t'.repeat(129)}`));
  });
});
