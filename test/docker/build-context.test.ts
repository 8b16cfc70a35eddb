import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tar from 'tar-stream';
import { BuildContextError, buildContextTar } from '../../src/docker/build-context';

interface Entry {
  name: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  linkname: string | null;
  body: string;
}

async function entriesOf(stream: NodeJS.ReadableStream): Promise<Map<string, Entry>> {
  const extract = tar.extract();
  const out = new Map<string, Entry>();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on('data', (c: Buffer) => chunks.push(c));
      body.on('end', () => {
        out.set(header.name, { name: header.name, type: header.type ?? 'file', mode: header.mode ?? 0, uid: header.uid ?? -1, gid: header.gid ?? -1, linkname: header.linkname ?? null, body: Buffer.concat(chunks).toString() });
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
    stream.on('error', reject);
  });
  stream.pipe(extract);
  await done;
  return out;
}

describe('docker/build-context: the build context as a streamed tar, like the Docker CLI sends it', () => {
  let dir: string;
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shipshape-context-'))));
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const write = async (name: string, text: string, mode = 0o644) => {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
    await fs.chmod(path.join(dir, name), mode);
  };

  it('keeps modes and symlinks (as links, not their targets), owns everything by root, and sends the Dockerfile as given', async () => {
    await write('Dockerfile', 'FROM busybox\n');
    await write('bin/run.sh', '#!/bin/sh\n', 0o755);
    await write('private.key', 'k', 0o600);
    await fs.symlink('bin/run.sh', path.join(dir, 'link'));
    await fs.symlink('/nowhere', path.join(dir, 'dangling'));
    const context = await buildContextTar(dir, path.join(dir, 'Dockerfile'), { dockerfileText: 'FROM busybox\nRUN true\n' });
    const entries = await entriesOf(context.stream);
    assert.equal(context.dockerfile, 'Dockerfile');
    assert.equal(entries.get('Dockerfile')!.body, 'FROM busybox\nRUN true\n', 'the text given, not the file on disk');
    assert.equal(entries.get('bin/run.sh')!.mode & 0o777, 0o755);
    assert.equal(entries.get('private.key')!.mode & 0o777, 0o600);
    assert.equal(entries.get('bin')!.type, 'directory');
    assert.deepEqual([entries.get('link')!.type, entries.get('link')!.linkname], ['symlink', 'bin/run.sh']);
    assert.deepEqual([entries.get('dangling')!.type, entries.get('dangling')!.linkname], ['symlink', '/nowhere']);
    for (const e of entries.values()) assert.deepEqual([e.uid, e.gid], [0, 0], e.name);
  });

  it('`<Dockerfile>.dockerignore` beside the Dockerfile wins over the context root\'s .dockerignore, and is what the daemon is sent as .dockerignore', async () => {
    await write('.dockerignore', 'a.txt\n');
    await write('docker/app.Dockerfile', 'FROM busybox\n');
    await write('docker/app.Dockerfile.dockerignore', 'b.txt\ndocker\n');
    await write('a.txt', 'a');
    await write('b.txt', 'b');
    const context = await buildContextTar(dir, path.join(dir, 'docker/app.Dockerfile'));
    const entries = await entriesOf(context.stream);
    assert.equal(context.dockerignore, path.join(dir, 'docker/app.Dockerfile.dockerignore'));
    assert.equal(context.dockerfile, 'docker/app.Dockerfile');
    assert.ok(entries.has('a.txt') && !entries.has('b.txt'), [...entries.keys()].join(', '));
    assert.ok(entries.has('docker/app.Dockerfile'), 'the Dockerfile is sent though its folder is ignored');
    assert.ok(!entries.has('docker/app.Dockerfile.dockerignore'));
    assert.equal(entries.get('.dockerignore')!.body, 'b.txt\ndocker\n');
  });

  it('a `!` exception brings a file back from inside an ignored folder', async () => {
    await write('Dockerfile', 'FROM busybox\n');
    await write('.dockerignore', 'logs\n!logs/keep/*.log\n');
    await write('logs/a.log', 'a');
    await write('logs/keep/b.log', 'b');
    const entries = await entriesOf((await buildContextTar(dir, path.join(dir, 'Dockerfile'))).stream);
    assert.ok(entries.has('logs/keep/b.log') && !entries.has('logs/a.log'), [...entries.keys()].join(', '));
  });

  it('a context that is not a folder is refused with its path', async () => {
    await write('Dockerfile', 'FROM busybox\n');
    await assert.rejects(buildContextTar(path.join(dir, 'Dockerfile'), path.join(dir, 'Dockerfile')), (e: Error) => e instanceof BuildContextError && /the build context .*Dockerfile is not a folder/.test(e.message));
  });

  it('an unreadable file fails the tar with an error naming the file and what to do (read as an unprivileged user)', async () => {
    await write('Dockerfile', 'FROM busybox\n');
    await write('readable.txt', 'r');
    await write('locked.txt', 'l', 0o000);
    await fs.chmod(dir, 0o755);
    const module = path.join(__dirname, '..', '..', 'src', 'docker', 'build-context.js');
    // Root reads any file: as root the child drops to nobody (uid 65534) first.
    const script = `if (process.getuid() === 0) { process.setgid(65534); process.setuid(65534); }
      require(${JSON.stringify(module)}).buildContextTar(${JSON.stringify(dir)}, ${JSON.stringify(path.join(dir, 'Dockerfile'))})
        .then((c) => { c.stream.on('error', (e) => { console.log(e.name + ': ' + e.message); }); c.stream.resume(); });`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.match(child.stdout, new RegExp(`^BuildContextError: cannot send ${path.join(dir, 'locked.txt').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} in the build context \\(EACCES: .*permission denied.*\\); make it readable, or exclude it in \\.dockerignore at the context root`), child.stderr);
  });
});
