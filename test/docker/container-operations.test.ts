import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { containerPathProblem, copyFromContainer, copyIntoContainer } from '../../src/docker/copy';
import { daemonMessage } from '../../src/docker/errors';
import { chooseShell, openShell } from '../../src/docker/exec';
import { changeState, removeContainer } from '../../src/docker/lifecycle';
import { followLogs } from '../../src/docker/logs';
import { containerTop } from '../../src/docker/top';
import { removeContainer as cleanUp, runBusybox, testClient, uniqueName } from '../support/daemon';
import { waitFor } from '../support/wait';

/** Exits at once on SIGTERM (PID 1 ignores it otherwise), so stop takes no 10 s timeout. */
const STOPPABLE = ['sh', '-c', 'trap "exit 0" TERM; sleep 300 & wait'];

describe('docker container operations: lifecycle, logs, exec, top, copy (real daemon)', () => {
  const client = testClient();
  const created: string[] = [];
  const dirs: string[] = [];
  const run = async (prefix: string, cmd?: string[]) => {
    const id = await runBusybox(client, uniqueName(prefix), cmd);
    created.push(id);
    return id;
  };
  const state = async (id: string) => (await client.api.getContainer(id).inspect()).State;
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ops-'));
    dirs.push(dir);
    return dir;
  };
  /** What `cmd` prints on stdout, run with exec (as a test would with `docker exec`). */
  const execOutput = async (id: string, cmd: string[]) => {
    const exec = await client.api.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({});
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    client.api.modem.demuxStream(stream, stdout, new PassThrough());
    await new Promise((resolve) => stream.on('end', resolve));
    return Buffer.concat(chunks).toString('utf8');
  };

  after(async () => {
    for (const id of created) await cleanUp(client, id);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops, starts, pauses, unpauses, kills and removes the real container', async () => {
    const id = await run('life', STOPPABLE);
    await changeState(client, id, 'stop');
    assert.equal((await state(id)).Status, 'exited');
    await changeState(client, id, 'start');
    assert.equal((await state(id)).Status, 'running');
    await changeState(client, id, 'pause');
    assert.equal((await state(id)).Status, 'paused');
    await changeState(client, id, 'unpause');
    assert.equal((await state(id)).Status, 'running');
    await changeState(client, id, 'kill');
    const killed = await state(id);
    assert.equal(killed.Status, 'exited');
    assert.equal(killed.ExitCode, 137);
    await removeContainer(client, id, { force: false, volumes: true });
    await assert.rejects(state(id), (e: { statusCode?: number }) => e.statusCode === 404);
  });

  it('treats starting a running container as done (304), and restarts it', async () => {
    const id = await run('again', STOPPABLE);
    const before = (await state(id)).StartedAt;
    await changeState(client, id, 'start');
    await changeState(client, id, 'restart');
    const after = await state(id);
    assert.equal(after.Status, 'running');
    assert.notEqual(after.StartedAt, before);
  });

  it('refuses to remove a running container unless forced, with the daemon\'s 409 message', async () => {
    const id = await run('busy');
    const refusal = await removeContainer(client, id, { force: false, volumes: false }).then(() => undefined, (e: unknown) => e);
    assert.equal((refusal as { statusCode?: number }).statusCode, 409);
    assert.match(daemonMessage(refusal), /cannot remove a running container/i);
    await removeContainer(client, id, { force: true, volumes: false });
    await assert.rejects(state(id), (e: { statusCode?: number }) => e.statusCode === 404);
  });

  it('lists the container\'s sleep process with its host PID and, on this machine, container PID 1', async () => {
    const id = await run('top');
    const top = await containerTop(client, id);
    const sleep = top.processes.find((p) => p.row.some((cell) => /sleep 300/.test(cell)));
    assert.ok(sleep, `sleep 300 is among ${JSON.stringify(top.processes.map((p) => p.row))}`);
    assert.equal(sleep.hostPid, (await state(id)).Pid);
    assert.ok(sleep.hostPid! > 1, 'the host PID is the daemon host\'s, not 1');
    if (client.endpoint.host.startsWith('unix:') && fs.existsSync(`/proc/${sleep.hostPid}/status`)) assert.equal(sleep.containerPid, 1);
  });

  it('copies out a file the container wrote', async () => {
    // The test image is busybox built FROM scratch, without /tmp.
    const id = await run('out', ['sh', '-c', 'mkdir -p /tmp && echo hi > /tmp/x; sleep 300']);
    await waitFor(async () => (await execOutput(id, ['cat', '/tmp/x'])) === 'hi\n', 'the container has written /tmp/x');
    const dir = tempDir();
    const copied = await copyFromContainer(client, id, '/tmp/x', dir);
    assert.equal(fs.readFileSync(path.join(dir, 'x'), 'utf8'), 'hi\n');
    assert.deepEqual(copied, { entries: 1, skipped: [] });
  });

  it('copies out a folder with its files, subfolders and symlinks, keeping links inside the chosen folder', async () => {
    const id = await run('outdir', ['sh', '-c', 'mkdir -p /data/sub && echo a > /data/a && echo b > /data/sub/b && ln -s /etc/passwd /data/link; sleep 300']);
    await waitFor(async () => (await execOutput(id, ['ls', '/data'])).includes('link'), 'the container has written /data');
    const dir = tempDir();
    await copyFromContainer(client, id, '/data', dir);
    assert.equal(fs.readFileSync(path.join(dir, 'data', 'a'), 'utf8'), 'a\n');
    assert.equal(fs.readFileSync(path.join(dir, 'data', 'sub', 'b'), 'utf8'), 'b\n');
    assert.equal(fs.readlinkSync(path.join(dir, 'data', 'link')), '/etc/passwd');
  });

  it('names the missing path when copying out something that does not exist', async () => {
    const id = await run('missing');
    const failure = await copyFromContainer(client, id, '/no/such/file', tempDir()).then(() => undefined, (e: unknown) => e);
    assert.match(daemonMessage(failure), /Could not find the file \/no\/such\/file/);
  });

  it('copies a file in that exec cat then reads back', async () => {
    const id = await run('in', ['sh', '-c', 'mkdir -p /tmp; sleep 300']);
    await waitFor(async () => (await execOutput(id, ['ls', '-d', '/tmp'])) === '/tmp\n', 'the container has made /tmp');
    const dir = tempDir();
    const file = path.join(dir, 'greeting.txt');
    fs.writeFileSync(file, 'hello from the host\n');
    await copyIntoContainer(client, id, [file], '/tmp');
    assert.equal(await execOutput(id, ['cat', '/tmp/greeting.txt']), 'hello from the host\n');
  });

  it('reports the daemon\'s message when the destination folder is missing', async () => {
    const id = await run('in404');
    const file = path.join(tempDir(), 'f');
    fs.writeFileSync(file, 'x');
    const failure = await copyIntoContainer(client, id, [file], '/nowhere').then(() => undefined, (e: unknown) => e);
    assert.match(daemonMessage(failure), /Could not find the file \/nowhere/);
  });

  it('rejects container paths that are relative or contain NUL, before asking the daemon', async () => {
    assert.equal(containerPathProblem('/etc/hosts'), undefined);
    assert.match(containerPathProblem('etc/hosts')!, /not absolute/);
    assert.match(containerPathProblem('/etc\0/hosts')!, /NUL/);
    await assert.rejects(copyFromContainer(client, 'unused', 'relative', tempDir()), /cannot use the container path "relative": it is not absolute/);
  });

  it('follows logs to the end, stdout and stderr demultiplexed', async () => {
    const id = await run('logs', ['sh', '-c', 'echo one; echo two >&2']);
    await client.api.getContainer(id).wait();
    const out = { stdout: '', stderr: '' };
    const follower = await followLogs(client, id, (chunk, source) => (out[source] += chunk.toString('utf8')));
    await follower.done;
    assert.deepEqual(out, { stdout: 'one\n', stderr: 'two\n' });
  });

  it('stops following when asked, while the container keeps logging', async () => {
    const id = await run('follow', ['sh', '-c', 'while true; do echo tick; sleep 1; done']);
    let seen = '';
    const follower = await followLogs(client, id, (chunk) => (seen += chunk.toString('utf8')));
    await waitFor(() => seen.includes('tick'), 'the first tick');
    follower.stop();
    await follower.done.catch(() => undefined);
    const atStop = seen;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(seen, atStop, 'no output after stop()');
    assert.equal((await state(id)).Status, 'running');
  });

  it('falls back to sh when bash is missing, and runs an interactive shell on a TTY with its exit code', async () => {
    const id = await run('shell');
    const shell = await chooseShell(client, id);
    assert.equal(shell, 'sh', 'busybox has no bash');
    const session = await openShell(client, id, shell);
    await session.resize(100, 30);
    let output = '';
    session.stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const closed = new Promise((resolve) => session.stream.once('close', resolve));
    session.stream.write('stty size; echo answer-$((6*7)); exit 3\n');
    await closed;
    assert.match(output, /30 100/);
    assert.match(output, /answer-42/);
    assert.equal(await session.exitCode(), 3);
  });
});
