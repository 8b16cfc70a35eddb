import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { csvFields, hasMountOver, mountsOf } from '../../../src/core/dockerfile/mounts';

const run = (flags: string) => parseDockerfile(`FROM alpine\nRUN ${flags} true\n`).instructions[1]!;

describe('core/dockerfile/mounts', () => {
  it('csvFields splits on commas as Go\'s encoding/csv, with offsets', () => {
    assert.deepEqual(csvFields('type=cache,target=/x'), [
      { text: 'type=cache', offset: 0 },
      { text: 'target=/x', offset: 11 },
    ]);
    assert.deepEqual(csvFields('"a,b",c'), [
      { text: 'a,b', offset: 0 },
      { text: 'c', offset: 6 },
    ]);
    assert.deepEqual(csvFields('"say ""hi""",x').map((f) => f.text), ['say "hi"', 'x']);
    assert.deepEqual(csvFields(''), [{ text: '', offset: 0 }]);
    assert.deepEqual(csvFields('a,').map((f) => f.text), ['a', '']);
  });

  it('reads type and target case-insensitively, the last target winning', () => {
    const [m] = mountsOf(run('--mount=TYPE=Cache,target=/a,DST=/b,sharing=locked'));
    assert.equal(m!.type, 'cache');
    assert.equal(m!.target, '/b');
    assert.equal(m!.options.get('sharing'), 'locked');
  });

  it('defaults to a bind mount, reads quotes and switches, and skips other flags', () => {
    const mounts = mountsOf(run('--network=none --mount="type=tmpfs,destination=/t" --mount=target=/src,ro'));
    assert.deepEqual(mounts.map((m) => [m.type, m.target]), [['tmpfs', '/t'], ['bind', '/src']]);
    assert.equal(mounts[1]!.options.get('ro'), '');
    assert.equal(mountsOf(run('--mount=type=cache')).at(0)!.target, undefined);
    assert.deepEqual(mountsOf(run('--network=host')), []);
  });

  it('hasMountOver asks for a mount type over a directory', () => {
    const instruction = run('--mount=type=cache,target=/var/cache/apt --mount=type=secret,id=x,target=/var/cache/yum');
    assert.ok(hasMountOver(instruction, ['cache'], (t) => t.startsWith('/var/cache/apt')));
    assert.ok(!hasMountOver(instruction, ['cache', 'tmpfs'], (t) => t.includes('/var/cache/yum')));
    assert.ok(!hasMountOver(run('--mount=type=cache'), ['cache'], () => true));
  });
});
