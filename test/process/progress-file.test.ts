import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Progress } from '../../src/core/labs/progress';
import { FileProgressStore } from '../../src/process/progress-file';

const progress = (n: number): Progress => ({
  packId: 'sample',
  version: '1.0.0',
  savedAt: `2026-12-01T10:00:0${n}.000Z`,
  steps: { 'one/a': { status: 'passed', points: n, hintsShown: 0, solved: false, answers: {} } },
});

describe('process/progress-file: progress saved atomically, with a backup', () => {
  let folder: string;
  beforeEach(async () => (folder = await fs.mkdtemp(path.join(os.tmpdir(), 'shipshape-progress-'))));
  afterEach(() => fs.rm(folder, { recursive: true, force: true }));

  it('saves and loads; the previous copy is kept as .bak', async () => {
    const store = new FileProgressStore(folder);
    assert.equal(await store.load('sample', '1.0.0'), undefined, 'nothing saved yet');
    await store.save(progress(1));
    await store.save(progress(2));
    assert.equal((await store.load('sample', '1.0.0'))!.steps['one/a']!.points, 2);
    const backup = JSON.parse(await fs.readFile(`${store.fileOf('sample', '1.0.0')}.bak`, 'utf8')) as Progress;
    assert.equal(backup.steps['one/a']!.points, 1);
    assert.deepEqual((await fs.readdir(folder)).sort(), ['sample@1.0.0.json', 'sample@1.0.0.json.bak'], 'no temp file is left');
  });

  it('a corrupt or partial main file falls back to the backup, and says so', async () => {
    const store = new FileProgressStore(folder);
    await store.save(progress(1));
    await store.save(progress(2));
    const file = store.fileOf('sample', '1.0.0');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, text.length / 2));
    const loaded = (await store.load('sample', '1.0.0'))!;
    assert.equal(loaded.steps['one/a']!.points, 1);
    assert.match(loaded.recovered!, /sample@1\.0\.0\.json was unreadable \(not JSON: .*\): restored the previous copy from sample@1\.0\.0\.json\.bak, saved 2026-12-01T10:00:01\.000Z$/);
    await fs.writeFile(`${file}.bak`, '{"packId": "other", "version": "1.0.0", "steps": {}}');
    await assert.rejects(store.load('sample', '1.0.0'), /and so is its backup \(it is the progress of other@1\.0\.0, not sample@1\.0\.0\); move both aside to start this pack afresh$/);
  });

  it('a writer SIGKILLed mid-write 50 times: every reload is intact and one of the last two versions written', async function () {
    this.timeout(120_000);
    const writer = path.join(__dirname, 'progress-writer.js');
    const store = new FileProgressStore(folder);
    const file = store.fileOf('kill-test', '1.0.0');
    let leftovers = 0;
    for (let round = 0; round < 50; round++) {
      const child = spawn(process.execPath, [writer, folder], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      const started = new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => ((out += c.toString()), resolve())));
      const closed = new Promise<void>((resolve) => child.on('close', () => resolve())); // exited, and its output read to the end
      await started;
      await new Promise((r) => setTimeout(r, Math.random() * 30));
      child.kill('SIGKILL');
      await closed;
      const acked = Number([...out.matchAll(/saved (\d+)\n/g)].at(-1)![1]);
      leftovers += (await fs.readdir(folder)).filter((n) => n.endsWith('.tmp')).length;
      const loaded = await store.load('kill-test', '1.0.0');
      assert.ok(loaded, `round ${round}: progress loads`);
      const n = loaded.steps['count/n']!.hintsShown;
      assert.ok(n === acked || n === acked + 1, `round ${round}: loaded version ${n}, the last acknowledged was ${acked}`);
      assert.equal(Object.keys(loaded.steps['count/n']!.answers).length, 400, `round ${round}: the whole file was read`);
      assert.equal(JSON.parse(await fs.readFile(file, 'utf8')).steps['count/n'].hintsShown, n, 'the main copy itself is intact');
    }
    console.log(`      (temp files left by writes the kill interrupted: ${leftovers} over 50 rounds; each removed on the next load)`);
  });
});
