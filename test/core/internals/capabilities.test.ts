import assert from 'node:assert/strict';
import {
  CAPABILITIES, DOCKER_DEFAULT_CAPABILITIES, configuredCapabilities, decodeCapabilities, encodeCapabilities,
} from '../../../src/core/internals/capabilities';

describe('core/internals/capabilities', () => {
  it('names all 41 Linux capabilities by number, CAP_CHOWN = 0 … CAP_CHECKPOINT_RESTORE = 40', () => {
    assert.equal(CAPABILITIES.length, 41);
    const byNumber: Record<number, string> = {
      0: 'CAP_CHOWN', 5: 'CAP_KILL', 10: 'CAP_NET_BIND_SERVICE', 12: 'CAP_NET_ADMIN', 19: 'CAP_SYS_PTRACE', 21: 'CAP_SYS_ADMIN',
      27: 'CAP_MKNOD', 31: 'CAP_SETFCAP', 37: 'CAP_AUDIT_READ', 38: 'CAP_PERFMON', 39: 'CAP_BPF', 40: 'CAP_CHECKPOINT_RESTORE',
    };
    for (const [bit, name] of Object.entries(byNumber)) assert.equal(CAPABILITIES[Number(bit)], name);
    assert.equal(new Set(CAPABILITIES).size, 41);
  });

  it('decodes Docker\'s default CapEff (a80425fb) to exactly its 14 default capabilities', () => {
    const names = decodeCapabilities('00000000a80425fb');
    assert.deepEqual([...names].sort(), [...DOCKER_DEFAULT_CAPABILITIES].sort());
    assert.ok(names.includes('CAP_CHOWN') && names.includes('CAP_NET_BIND_SERVICE') && !names.includes('CAP_SYS_ADMIN'));
  });

  it('decodes a privileged CapEff (000001ffffffffff) to all 41, and unknown bits as CAP_<n>', () => {
    assert.deepEqual(decodeCapabilities('000001ffffffffff'), [...CAPABILITIES]);
    assert.deepEqual(decodeCapabilities('0000060000000001'), ['CAP_CHOWN', 'CAP_41', 'CAP_42']);
    assert.deepEqual(decodeCapabilities('0000000000000000'), []);
  });

  it('encodes names back to the kernel\'s 16 hex digits', () => {
    assert.equal(encodeCapabilities(DOCKER_DEFAULT_CAPABILITIES), '00000000a80425fb');
    assert.equal(encodeCapabilities(['sys_admin']), '0000000000200000');
    assert.throws(() => encodeCapabilities(['CAP_FLY']), /unknown capability "CAP_FLY"/);
  });

  it('rejects a mask that is not hex, saying what was expected', () => {
    assert.throws(() => decodeCapabilities('zz'), /not a capability mask: "zz" \(expected hex digits/);
  });

  it('applies CapAdd and CapDrop as moby does, "ALL" included', () => {
    assert.deepEqual(configuredCapabilities(false, [], []).length, 14);
    assert.ok(configuredCapabilities(false, ['SYS_ADMIN'], []).includes('CAP_SYS_ADMIN'));
    assert.ok(!configuredCapabilities(false, [], ['NET_RAW']).includes('CAP_NET_RAW'));
    assert.deepEqual(configuredCapabilities(false, ['SYS_PTRACE'], ['ALL']), ['CAP_SYS_PTRACE']);
    assert.deepEqual(configuredCapabilities(false, ['ALL'], ['CAP_SYS_ADMIN']).length, 40);
    assert.deepEqual(configuredCapabilities(true, [], ['ALL']).length, 41);
  });
});
