import assert from 'node:assert/strict';
import { HELPER_SCRIPT, helperArguments, parseHelperOutput } from '../../../src/core/internals/helper-script';

describe('core/internals/helper-script', () => {
  it('takes integer PIDs only, refusing anything a shell could read as more', () => {
    assert.deepEqual(helperArguments([101, 102], [7]), ['2', '101', '102', '7']);
    for (const bad of [0, -1, 1.5, Number.NaN, '1; rm -rf /' as unknown as number]) {
      assert.throws(() => helperArguments([bad], []), /takes process IDs only/);
    }
  });

  it('is one fixed text with no single quote, so `docker run` shows it single-quoted as is', () => {
    assert.ok(!HELPER_SCRIPT.includes('\''));
    assert.match(HELPER_SCRIPT, /case \$pid in ""\|\*\[!0-9\]\*\) echo "not a PID/);
  });

  it('reads what the script prints: its own and PID 1\'s namespaces, each process, its parent, its cgroup files', () => {
    const out = [
      '@@self', '@@ns pid pid:[4026531836]', '@@ns net net:[4026532999]',
      '@@init', '@@ns pid ', '@@ns net ',
      '@@pid 4242',
      '@@file cgroup', '0::/system.slice/docker-abc.scope', '@@end',
      '@@ns net net:[4026532603]', '@@ns time time:[4026531834]',
      '@@file status', 'PPid:\t4200', 'CapEff:\t00000000a80425fb', '@@end',
      '@@file attr', 'docker-default (enforce)', '@@end',
      '@@parent 4200', '@@ns net net:[4026531833]',
      '@@file memory.stat', 'anon 1', 'inactive_file 2', '@@end',
      '@@file cpu.max', '50000 100000', '@@end',
      '@@pid 5000', '@@gone',
      '@@pid 4343', '@@file cgroup', '0::/system.slice/docker-def.scope', '@@end', '@@ns net net:[4026532603]',
      '',
    ].join('\n');
    const r = parseHelperOutput(out);
    assert.deepEqual(r.self, { pid: 4026531836, net: 4026532999 });
    assert.deepEqual(r.init, {});
    assert.deepEqual([...r.snapshots.keys()], [4242, 4343]);
    assert.deepEqual(r.gone, [5000]);
    const s = r.snapshots.get(4242)!;
    assert.equal(s.procCgroup, '0::/system.slice/docker-abc.scope');
    assert.equal(s.lsmLabel, 'docker-default (enforce)');
    assert.deepEqual(s.namespaces, { net: 4026532603, time: 4026531834 });
    assert.deepEqual(s.cgroupFiles, { 'memory.stat': 'anon 1\ninactive_file 2', 'cpu.max': '50000 100000' });
    assert.deepEqual(r.parents.get(4242), { net: 4026531833 });
    assert.equal(r.snapshots.get(4343)!.status, null);
  });
});
