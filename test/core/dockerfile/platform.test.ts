import assert from 'node:assert/strict';
import { parsePlatform } from '../../../src/core/dockerfile/platform';

describe('core/dockerfile/platform', () => {
  it('reads os/arch[/variant], normalizing architecture aliases and case', () => {
    assert.deepEqual(parsePlatform('linux/amd64'), { os: 'linux', arch: 'amd64' });
    assert.deepEqual(parsePlatform('linux/arm64/v8'), { os: 'linux', arch: 'arm64' });
    assert.deepEqual(parsePlatform('Linux/AARCH64'), { os: 'linux', arch: 'arm64' });
    assert.deepEqual(parsePlatform('linux/x86_64'), { os: 'linux', arch: 'amd64' });
  });

  it('reads a lone OS or architecture as containerd does', () => {
    assert.deepEqual(parsePlatform('windows'), { os: 'windows', arch: 'amd64' });
    assert.deepEqual(parsePlatform('arm64'), { os: 'linux', arch: 'arm64' });
    assert.deepEqual(parsePlatform('i386'), { os: 'linux', arch: '386' });
  });

  it('rejects what is not a platform', () => {
    for (const bad of ['', 'foo', '$BUILDPLATFORM', 'linux/arm64/v8/extra', 'linux//amd64', 'linux/amd 64']) assert.equal(parsePlatform(bad), null, bad);
  });
});
