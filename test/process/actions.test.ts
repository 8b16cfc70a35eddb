import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Action, Command } from '../../src/core/labs/pack';
import { describeAction, endpointEnv, runAction } from '../../src/process/actions';
import { resolveEndpoint } from '../../src/docker/endpoint';
import { AT } from '../support/lab-pack';

const argv = (...words: string[]): Command => ({ kind: 'argv', argv: words, at: AT });
const script = (text: string): Command => ({ kind: 'script', script: text, at: { ...AT, line: 12, column: 15 } });
const action = (commands: Command[], timeoutMs = 10_000): Action => ({ commands, timeoutMs, at: AT });
const writeMarker = (name: string) => argv(process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(name)}, 'x')`);

describe('process/actions: running a pack action', () => {
  let root: string;
  beforeEach(async () => (root = await fs.mkdtemp(path.join(os.tmpdir(), 'shipshape-actions-'))));
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('runs argv commands without a shell, in the pack folder', async () => {
    const outcome = await runAction(action([writeMarker('marker'), argv('echo', '$HOME', '`id`', ';', 'rm', '-rf', 'x')]), 'setup', { trusted: false, cwd: root });
    assert.equal(outcome.ok, true);
    assert.ok(existsSync(path.join(root, 'marker')), 'the marker is written in the pack folder');
    assert.equal(outcome.commands[1]!.output, '$HOME `id` ; rm -rf x\n', 'no shell expanded anything');
  });

  it('refuses an action with a script in an untrusted workspace: nothing of it runs, and it says what was held back', async () => {
    const outcome = await runAction(action([writeMarker('first'), script(`echo x > ${path.join(root, 'second')}`)]), 'the solve of one/a', { trusted: false, cwd: root });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.commands, []);
    assert.equal(
      outcome.heldBack,
      'held back: the solve of one/a has a shell script (shipshape-pack.yaml:12:15), which runs only in a trusted workspace; nothing of it ran. Trust the workspace to run it.',
    );
    assert.ok(!existsSync(path.join(root, 'first')) && !existsSync(path.join(root, 'second')), 'no marker was written');
  });

  it('runs a script with /bin/sh -c in a trusted workspace', async () => {
    const outcome = await runAction(action([script('echo one > marker && echo two >> marker')]), 'setup', { trusted: true, cwd: root });
    assert.equal(outcome.ok, true);
    assert.equal(await fs.readFile(path.join(root, 'marker'), 'utf8'), 'one\ntwo\n');
  });

  it('streams each line to the sink with its stream, and keeps the output per command', async () => {
    const lines: string[] = [];
    const outcome = await runAction(action([argv('sh', '-c', 'echo hello; echo oops >&2; printf tail')]), 'setup', {
      trusted: false,
      cwd: root,
      onLine: (line, from) => lines.push(`${from.stream}: ${line}`),
    });
    assert.deepEqual(lines.sort(), ['stderr: oops', 'stdout: hello', 'stdout: tail']);
    assert.match(outcome.commands[0]!.output, /hello/);
    assert.equal(outcome.commands[0]!.command, 'sh -c \'echo hello; echo oops >&2; printf tail\'');
  });

  it('stops at the first failing command and says how it failed', async () => {
    const outcome = await runAction(action([argv('false'), writeMarker('marker')]), 'setup', { trusted: false, cwd: root });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.commands.length, 1);
    assert.equal(outcome.commands[0]!.problem, 'exited with code 1');
    assert.ok(!existsSync(path.join(root, 'marker')));
    const missing = await runAction(action([argv('shipshape-no-such-program')]), 'setup', { trusted: false, cwd: root });
    assert.equal(missing.commands[0]!.problem, 'could not start: shipshape-no-such-program was not found (is it installed and on PATH?)');
  });

  it('a command over its timeout is killed with its whole process group', async () => {
    const started = Date.now();
    const outcome = await runAction(action([argv('sh', '-c', 'sleep 30 & echo $! > child.pid; wait')], 300), 'setup', { trusted: false, cwd: root });
    assert.ok(Date.now() - started < 3000, 'it did not wait for sleep 30');
    assert.equal(outcome.commands[0]!.problem, 'timed out after 0.3 s (killed)');
    assert.equal(outcome.commands[0]!.exitCode, null);
    const pid = Number(await fs.readFile(path.join(root, 'child.pid'), 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    // Gone, or a zombie waiting for a PID 1 that does not reap (as in some containers): not running either way.
    const state = await fs.readFile(`/proc/${pid}/stat`, 'utf8').then((t) => t.slice(t.lastIndexOf(')') + 2)[0], () => 'gone');
    assert.ok(state === 'gone' || state === 'Z', `the background child is gone too (its state is ${state})`);
  });

  it('docker commands get Shipshape\'s endpoint through the environment (DOCKER_HOST, or DOCKER_CONTEXT for a context)', async () => {
    assert.deepEqual(
      (({ DOCKER_HOST, DOCKER_CONTEXT }) => ({ DOCKER_HOST, DOCKER_CONTEXT }))(endpointEnv({ host: 'unix:///tmp/x.sock', source: 'setting' }, { DOCKER_CONTEXT: 'other', PATH: '/bin' })),
      { DOCKER_HOST: 'unix:///tmp/x.sock', DOCKER_CONTEXT: undefined },
    );
    assert.deepEqual(
      (({ DOCKER_HOST, DOCKER_CONTEXT }) => ({ DOCKER_HOST, DOCKER_CONTEXT }))(endpointEnv({ host: 'ssh://u@h', source: 'context', context: 'remote' }, { DOCKER_HOST: 'tcp://old:2375' })),
      { DOCKER_HOST: undefined, DOCKER_CONTEXT: 'remote' },
    );
    const outcome = await runAction(action([argv('sh', '-c', 'echo "$DOCKER_HOST"'), argv('docker', 'version', '--format', '{{.Server.APIVersion}}')]), 'setup', {
      trusted: false,
      cwd: root,
      endpoint: { ...resolveEndpoint(), source: 'setting' },
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/wrong.sock' },
    });
    assert.equal(outcome.commands[0]!.output.trim(), resolveEndpoint().host);
    assert.equal(outcome.ok, true, outcome.commands.map((c) => c.output).join('\n'));
    assert.match(outcome.commands[1]!.output.trim(), /^1\.\d+$/, 'the real daemon answered the docker CLI');
  });

  it('describeAction is the exact text shown before anything runs', () => {
    assert.equal(
      describeAction(action([argv('docker', 'run', '-d', '--name', 'sample-web', 'busybox', 'sh', '-c', 'echo hi && sleep 1'), script('docker network create sample-net\n')], 30_000), 'The solve of first/run-web'),
      [
        'The solve of first/run-web runs these 2 commands, in order, each for at most 30 s:',
        "  $ docker run -d --name sample-web busybox sh -c 'echo hi && sleep 1'",
        "  $ sh -c <<'SCRIPT'",
        '    docker network create sample-net',
        '    SCRIPT',
        'A shell script runs only in a trusted workspace.',
      ].join('\n'),
    );
  });
});
