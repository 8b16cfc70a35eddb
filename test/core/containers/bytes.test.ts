import assert from 'node:assert/strict';
import { CGROUP_BYTES, IMAGE_SIZE, LAYER_SIZE, STATS_IO, STATS_MEMORY, formatBytes, scaleBytes } from '../../../src/core/containers/bytes';

describe('core/containers/bytes: one formatter, each view its convention', () => {
  it('scales to the largest unit below the base, decimal or binary', () => {
    assert.deepEqual(scaleBytes(999, 1000), { value: 999, unit: 'B', scaled: false });
    assert.deepEqual(scaleBytes(1500, 1000), { value: 1.5, unit: 'kB', scaled: true });
    assert.deepEqual(scaleBytes(1536, 1024), { value: 1.5, unit: 'KiB', scaled: true });
    assert.equal(scaleBytes(2 ** 60, 1024).unit, 'PiB');
  });

  it('images as `docker images` prints them: one decimal below 10, SI units, a space', () => {
    assert.deepEqual([0, 999, 1000, 1_234_567, 9_960_000, 34_400_000, 1_500_000_000].map((n) => formatBytes(n, IMAGE_SIZE)), [
      '0 B', '999 B', '1.0 kB', '1.2 MB', '10.0 MB', '34 MB', '1.5 GB',
    ]);
  });

  it('stats as `docker stats` prints them: memory in 4 significant binary digits, I/O in 3 decimal ones, no space', () => {
    assert.deepEqual([0, 604, 1433600, 25276514304].map((n) => formatBytes(n, STATS_MEMORY)), ['0B', '604B', '1.367MiB', '23.54GiB']);
    assert.deepEqual([0, 999, 1000, 1_234_567, 12_345_678].map((n) => formatBytes(n, STATS_IO)), ['0B', '999B', '1kB', '1.23MB', '12.3MB']);
  });

  it('layer sizes as `docker history` prints them (3 significant decimal digits), with a space', () => {
    assert.deepEqual([0, 780, 5_242_880, 38_200_000, 1_234_567_890].map((n) => formatBytes(n, LAYER_SIZE)), ['0 B', '780 B', '5.24 MB', '38.2 MB', '1.23 GB']);
  });

  it('cgroup values in the internals: binary, at most one decimal, none when whole', () => {
    assert.deepEqual([512, 1536, 67108864, 1_100_000, 1024 * 1024 - 1].map((n) => formatBytes(n, CGROUP_BYTES)), ['512 B', '1.5 KiB', '64 MiB', '1 MiB', '1024 KiB']);
  });
});
