import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildRecord } from '../../src/core/layers/types';
import { BuildRecordStore, type BuildRecordProblem } from '../../src/process/build-records';

const record = (dockerfile: string, n: number, text = `FROM busybox\nRUN echo ${n}\n`): BuildRecord => ({
  dockerfile,
  context: path.dirname(dockerfile),
  imageId: `sha256:${String(n).padStart(64, '0')}`,
  tag: `app:${n}`,
  builder: n % 2 ? 'buildkit' : 'legacy',
  builtAt: new Date(Date.UTC(2026, 11, 3, 8, 0, n)).toISOString(),
  text,
});

describe('process/build-records: which image was built from which Dockerfile, one file each, written atomically', () => {
  let folder: string;
  let problems: BuildRecordProblem[];
  let store: BuildRecordStore;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'shipshape-records-'));
    problems = [];
    store = new BuildRecordStore(path.join(folder, 'records'), (p) => problems.push(p));
  });
  afterEach(() => fs.rm(folder, { recursive: true, force: true }));

  it('saves and loads per Dockerfile; a second build replaces the first; all() lists the latest first', async () => {
    assert.equal(await store.load('/w/a/Dockerfile'), undefined, 'nothing saved yet (and no folder)');
    assert.deepEqual(await store.all(), []);
    await store.save(record('/w/a/Dockerfile', 1));
    await store.save(record('/w/b/Dockerfile', 2));
    await store.save(record('/w/a/Dockerfile', 3));
    assert.deepEqual(await store.load('/w/a/Dockerfile'), record('/w/a/Dockerfile', 3));
    assert.deepEqual(await store.load('/w/b/Dockerfile'), record('/w/b/Dockerfile', 2));
    assert.deepEqual((await store.all()).map((r) => r.tag), ['app:3', 'app:2']);
    assert.equal((await fs.readdir(store.folder)).length, 2, 'one file per Dockerfile, no temp file left');
    assert.notEqual(store.fileOf('/w/a/Dockerfile'), store.fileOf('/w/b/Dockerfile'), 'same base name, different files');
    assert.deepEqual(problems, []);
  });

  it('a corrupt or foreign file is reported with its path and read as no record, without throwing', async () => {
    await store.save(record('/w/a/Dockerfile', 1));
    const file = store.fileOf('/w/a/Dockerfile');
    await fs.writeFile(file, '{"dockerfile": "/w/a/Dock');
    assert.equal(await store.load('/w/a/Dockerfile'), undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, file);
    assert.match(problems[0]!.message, new RegExp(`^the build record ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not JSON \\(.*\\); it is ignored, and the next build of its Dockerfile replaces it$`));
    await fs.writeFile(file, JSON.stringify({ ...record('/w/a/Dockerfile', 1), builder: 'kaniko' }));
    assert.equal(await store.load('/w/a/Dockerfile'), undefined);
    assert.match(problems[1]!.message, /is not a build record: "builder" is "kaniko", not "buildkit" or "legacy"/);
    await store.save(record('/w/b/Dockerfile', 2));
    assert.deepEqual((await store.all()).map((r) => r.tag), ['app:2'], 'all() skips the bad file and keeps the good one');
    await store.save(record('/w/a/Dockerfile', 3));
    assert.equal((await store.load('/w/a/Dockerfile'))!.tag, 'app:3', 'the next build replaces it');
  });

  it('reading while writing never sees a partial file: 200 loads during 100 saves of a 1 MB record each see a whole one', async function () {
    this.timeout(60_000);
    const big = 'RUN echo a long line to make the file take a while to write\n'.repeat(16_000);
    await store.save(record('/w/a/Dockerfile', 0, big));
    let writing = true;
    const writer = (async () => {
      for (let n = 1; n <= 100; n++) await store.save(record('/w/a/Dockerfile', n, big));
      writing = false;
    })();
    const seen = new Set<string>();
    let loads = 0;
    while (writing || loads < 200) {
      const loaded = await store.load('/w/a/Dockerfile');
      assert.ok(loaded, 'always a record');
      assert.equal(loaded.text, big);
      seen.add(loaded.tag);
      loads++;
    }
    await writer;
    assert.deepEqual(problems, [], 'no partial file was ever read');
    assert.ok(seen.size > 1, `the loads saw the writes go by (${seen.size} versions)`);
    assert.equal((await store.load('/w/a/Dockerfile'))!.tag, 'app:100');
  });
});
