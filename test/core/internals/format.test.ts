import assert from 'node:assert/strict';
import { formatAgo, formatLocalTime, formatTimestamp, hostReferenceText } from '../../../src/core/internals/format';

describe('core/internals/format: timestamps for people', () => {
  const now = new Date(2026, 11, 2, 19, 54, 30);
  const before = (ms: number) => new Date(now.getTime() - ms);

  it('says how long ago in the largest unit that fits', () => {
    assert.equal(formatAgo(before(0), now), 'now');
    assert.equal(formatAgo(before(45_000), now), '45 seconds ago');
    assert.equal(formatAgo(before(3 * 60_000 + 20_000), now), '3 minutes ago');
    assert.equal(formatAgo(before(2 * 3_600_000), now), '2 hours ago');
    assert.equal(formatAgo(before(26 * 3_600_000), now), 'yesterday');
    assert.equal(formatAgo(before(400 * 86_400_000), now), 'last year');
  });

  it('shows local time, with the date only when it is not today', () => {
    assert.equal(formatLocalTime(new Date(2026, 11, 2, 9, 5), now), '09:05');
    assert.equal(formatLocalTime(new Date(2026, 10, 30, 19, 51), now), '2026-11-30 19:51');
  });

  it('turns an Engine API timestamp into "3 minutes ago (19:51)", and leaves what is no date alone', () => {
    assert.equal(formatTimestamp(before(3 * 60_000 + 20_000).toISOString(), now), '3 minutes ago (19:51)');
    assert.equal(formatTimestamp('soon', now), 'soon');
  });
});

describe('core/internals/format: the Namespaces heading of `shipshape internals`', () => {
  it('says in plain words what "host" was compared with, and what could not be read', () => {
    assert.equal(
      hostReferenceText(['runtime shims (each container\'s parent process)', '/proc/self/ns', '/proc/1/ns (not readable)']),
      '"host" means the same namespace as the runtime\'s shim processes that start each container and this shipshape process; the host\'s PID 1 could not be read',
    );
    assert.equal(hostReferenceText(['/proc/self/ns']), '"host" means the same namespace as this shipshape process');
    assert.equal(hostReferenceText([]), '"host" cannot be told: no host namespace could be read, only the declared modes are shown');
  });
});
