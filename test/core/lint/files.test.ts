import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, LintInputError, decodeText, formatSize, isDockerfileName, loadDockerfiles, parseSize, readTextFile } from '../../../src/core/lint/files';

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-files-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}
const load = (paths: string[], cwd: string, maxFileSize = DEFAULT_MAX_FILE_SIZE) => loadDockerfiles(paths, { cwd, maxFileSize, readStdin: async () => Buffer.from('FROM scratch\n') });

describe('core/lint/files', () => {
  it('names people give Dockerfiles match, in any case; others and ignore files do not', () => {
    const yes = ['Dockerfile', 'dockerfile', 'DOCKERFILE', 'Containerfile', 'containerfile', 'Dockerfile.dev', 'Containerfile.arm64', 'api.Dockerfile', 'api.dockerfile',
      'web.containerfile', 'ab_Dockerfile', 'ab_dockerfile', 'x-Dockerfile', 'x-Containerfile', 'node_20_Containerfile'];
    const no = ['Dockerfile.dockerignore', 'Containerfile.containerignore', '.dockerignore', 'Dockerfiles', 'dockerfiles', 'MyDockerfile', 'Dockerfilex', '.Dockerfile', 'README.md', 'docker-compose.yml'];
    for (const name of yes) assert.ok(isDockerfileName(name), name);
    for (const name of no) assert.ok(!isDockerfileName(name), name);
  });

  it('walks folders in name order, skipping node_modules and .git, and shows each file under the folder as typed', async () => {
    const dir = folder({ 'b/ab_Dockerfile': 'FROM a\n', 'a/Dockerfile': 'FROM b\n', 'node_modules/x/Dockerfile': 'FROM c\n', '.git/Dockerfile': 'FROM d\n', 'a/notes.txt': 'x' });
    const shown = async (typed: string) => (await load([typed], dir)).inputs.map((i) => i.shown);
    assert.deepEqual(await shown('.'), ['a/Dockerfile', 'b/ab_Dockerfile']);
    assert.deepEqual(await shown('./'), ['a/Dockerfile', 'b/ab_Dockerfile']);
    assert.deepEqual(await shown('./b'), ['./b/ab_Dockerfile']);
    assert.deepEqual(await shown('b/'), ['b/ab_Dockerfile']);
    assert.deepEqual(await shown(dir), [`${dir}/a/Dockerfile`, `${dir}/b/ab_Dockerfile`]);
    const [input] = (await load(['./b/../a/Dockerfile'], dir)).inputs;
    assert.deepEqual(input, { file: path.join(dir, 'a', 'Dockerfile'), shown: './b/../a/Dockerfile', text: 'FROM b\n' });
  });

  it('a path that matches no file is an error: missing, or a folder without a Dockerfile', async () => {
    const dir = folder({ 'empty/notes.txt': 'x' });
    await assert.rejects(load(['nope'], dir), new LintInputError('nope: no such file or folder'));
    await assert.rejects(load(['empty'], dir), /^Error: empty: no Dockerfile to check in this folder \(looked for Dockerfile, Dockerfile\.\*/);
  });

  it('refuses a named file that is binary, not UTF-8 or too big; skips one found in a folder and says why', async () => {
    const dir = folder({ 'bin/Dockerfile': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), 'latin1/Dockerfile': Buffer.from('FROM caf\xe9\n', 'latin1'), 'ok/Dockerfile': 'FROM a\n', 'ok/Dockerfile.tar': Buffer.from([1, 0]) });
    await assert.rejects(load(['bin/Dockerfile'], dir), new LintInputError('bin/Dockerfile: not a text file (NUL byte at offset 4)'));
    await assert.rejects(load(['latin1/Dockerfile'], dir), new LintInputError('latin1/Dockerfile: not a text file (not valid UTF-8)'));
    await assert.rejects(load(['ok/Dockerfile'], dir, 4), (e: LintInputError) => e.message === 'ok/Dockerfile: 7 bytes, over the 4 bytes limit for a Dockerfile' && e.tooBig);
    assert.deepEqual(await load(['ok'], dir), { inputs: [{ file: path.join(dir, 'ok', 'Dockerfile'), shown: 'ok/Dockerfile', text: 'FROM a\n' }], skipped: [{ shown: 'ok/Dockerfile.tar', reason: 'not a text file (NUL byte at offset 1)' }] });
    await assert.rejects(load(['bin'], dir), /bin: no Dockerfile to check in this folder \(its one Dockerfile-like file was skipped\)/);
  });

  it('checks a regular file\'s size before reading: a file over the limit is never read', () => {
    const dir = folder({ big: 'x'.repeat(2048) });
    const readSync = fs.readSync;
    let reads = 0;
    (fs as { readSync: unknown }).readSync = (...args: unknown[]) => (reads++, (readSync as (...a: unknown[]) => unknown)(...args));
    try {
      assert.deepEqual(readTextFile(path.join(dir, 'big'), 1024), { refused: '2 KiB, over the 1 KiB limit for a Dockerfile', tooBig: true });
      assert.equal(reads, 0);
      assert.deepEqual(readTextFile(path.join(dir, 'big'), 4096), { text: 'x'.repeat(2048) });
      assert.ok(reads > 0);
    } finally {
      fs.readSync = readSync;
    }
  });

  it('reads a device or pipe no further than a NUL in its first chunk or the limit', () => {
    assert.deepEqual(readTextFile('/dev/zero', DEFAULT_MAX_FILE_SIZE), { refused: 'not a text file (NUL byte at offset 0)' });
    const dir = folder({});
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `exec yes 'RUN true' > '${fifo}'`], { stdio: 'ignore' });
    try {
      assert.deepEqual(readTextFile(fifo, 1024), { refused: 'over the 1 KiB limit for a Dockerfile', tooBig: true });
    } finally {
      writer.kill();
    }
  });

  it('keeps a byte-order mark and any other valid UTF-8', () => {
    assert.deepEqual(decodeText(Buffer.from('\ufeffFROM caf\u00e9 \u{1f433}\n'), 100), { text: '\ufeffFROM caf\u00e9 \u{1f433}\n' });
  });

  it('reads sizes as people write them, in powers of 1024', () => {
    assert.deepEqual(['4MiB', '4 MB', '4m', '512K', '512kb', '2000', '1.5k', '1G', 'x', '4 TB', ''].map(parseSize), [4194304, 4194304, 4194304, 524288, 524288, 2000, 1536, 1073741824, undefined, undefined, undefined]);
    assert.deepEqual([0, 1023, 1536, 4194304, 98877000].map(formatSize), ['0 bytes', '1023 bytes', '1.5 KiB', '4 MiB', '94.3 MiB']);
  });
});
