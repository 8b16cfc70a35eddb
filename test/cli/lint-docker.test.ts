// `shipshape lint --docker` (the bundled CLI) against the real daemon, a missing one, and one that must not be asked.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { testClient, uniqueName } from '../support/daemon';
import { buildFromFiles, loadImageWithPlatform } from '../support/images';
import { cliPath, project, shipshape as cli } from './cli';

const MISSING = 'unix:///tmp/shipshape-nothing.sock';

describe('shipshape lint --docker (real daemon)', () => {
  const client = testClient();
  const tag = `${uniqueName('cli-env')}:1`;
  const armTag = `${uniqueName('cli-arm')}:1`;
  let dir = '';
  before(async () => {
    await buildFromFiles(client, tag, { Dockerfile: 'FROM busybox:latest\nENV FOO=1\n' });
    await loadImageWithPlatform(client, armTag, 'arm64');
    dir = project({ Dockerfile: `FROM ${tag}\nCOPY $FOO/a $BAR/b $baz /srv/\n`, 'arm.Dockerfile': `FROM ${armTag}\n` });
  });
  after(async () => {
    for (const t of [tag, armTag]) await client.api.getImage(t).remove().catch(() => undefined);
  });

  const lint = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['lint', '--no-shellcheck', '--format', 'json', ...args, 'Dockerfile'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } });
  const undefinedNames = (stdout: string) =>
    (JSON.parse(stdout) as { code: string; message: string }[]).filter((f) => f.code === 'UndefinedVar').map((f) => /'\$(\w+)'/.exec(f.message)?.[1]);

  it('reads the base image ENV from the daemon: $BAR is reported, $FOO (set by the image) is not', () => {
    const run = lint(['--docker']);
    assert.equal(run.stderr, '');
    assert.deepEqual(undefinedNames(run.stdout), ['BAR', 'baz']);
    assert.equal(run.status, 1);
  });

  it('gives InvalidBaseImagePlatform the local image platforms too', () => {
    const codes = (args: string[]) =>
      (JSON.parse(cli(['lint', '--no-shellcheck', '--format', 'json', ...args, 'arm.Dockerfile'], { cwd: dir }).stdout) as { code: string }[]).map((f) => f.code);
    assert.ok(codes(['--docker']).includes('InvalidBaseImagePlatform'));
    assert.ok(!codes([]).includes('InvalidBaseImagePlatform'));
  });

  it('without --docker the image env is unknown, so only the lower-case name is reported', () => {
    const run = lint([]);
    assert.equal(run.stderr, '');
    assert.deepEqual(undefinedNames(run.stdout), ['baz']);
  });

  it('with DOCKER_HOST at a missing socket: one warning line, the findings still printed, the exit status unchanged', () => {
    const without = lint([]);
    const run = lint(['--docker'], { DOCKER_HOST: MISSING });
    const lines = run.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^shipshape lint: warning: --docker: Docker is not reachable: no daemon socket at unix:\/\/\/tmp\/shipshape-nothing\.sock \(from DOCKER_HOST\).*; linting without the daemon's images$/);
    assert.equal(run.stdout, without.stdout);
    assert.equal(run.status, without.status);
  });

  it('contacts the daemon only with --docker (a DOCKER_HOST that counts connections)', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy(); // a daemon that hangs up: the CLI must go on without it
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cliPath, 'lint', '--no-shellcheck', ...args, 'Dockerfile'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', DOCKER_HOST: host } });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    try {
      const plain = await run([]);
      assert.equal(connections, 0, 'no connection without --docker');
      assert.equal(plain.stderr, '');
      const flagged = await run(['--docker']);
      assert.ok(connections > 0, 'the daemon was asked with --docker');
      assert.match(flagged.stderr, /^shipshape lint: warning: --docker: .*; linting without the daemon's images\n$/);
      assert.equal(flagged.status, plain.status);
    } finally {
      server.close();
    }
  });
});
