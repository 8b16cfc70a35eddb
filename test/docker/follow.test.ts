// Following `docker context use`: the endpoint follower over real files in temporary Docker config
// folders (real inotify watches; the Docker CLI itself where a test says so). No daemon needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contextMetaFile } from '../../src/docker/endpoint';
import { EndpointFollower, Resolution } from '../../src/docker/follow';
import type { EndpointInputs } from '../../src/docker/endpoint';
import { waitFor } from '../support/wait';

const meta = (name: string, host: string) => JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const made: string[] = [];

function configDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-follow-'));
  made.push(dir);
  for (const [name, host] of [['dead', 'unix:///tmp/shipshape-dead.sock'], ['live', 'unix:///var/run/docker.sock'], ['other', 'tcp://10.1.2.3:2375']]) {
    fs.mkdirSync(path.dirname(contextMetaFile(dir, name!)), { recursive: true });
    fs.writeFileSync(contextMetaFile(dir, name!), meta(name!, host!));
  }
  return dir;
}

/** Replaces config.json the way the Docker CLI does: a temporary file renamed over it. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}${Math.random().toString().slice(2, 8)}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

describe('docker/follow: following Docker\'s current context (real files, real watches)', () => {
  const followers: EndpointFollower[] = [];
  afterEach(() => {
    while (followers.length) followers.pop()!.dispose();
    while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
  });

  function follow(inputs: EndpointInputs) {
    const changes: Resolution[] = [];
    const follower = new EndpointFollower({ inputs: () => inputs, onChange: (r) => changes.push(r), createClient: (endpoint) => ({ endpoint, api: undefined as never }) });
    followers.push(follower);
    const host = () => follower.current.client?.endpoint.host;
    return { follower, changes, host };
  }

  it('reconnects when config.json\'s currentContext changes, written atomically or in place', async () => {
    const dir = configDir();
    const config = path.join(dir, 'config.json');
    writeAtomically(config, JSON.stringify({ currentContext: 'live' }));
    const { follower, changes, host } = follow({ env: { DOCKER_CONFIG: dir } });
    assert.equal(host(), 'unix:///var/run/docker.sock');
    assert.deepEqual(follower.watching.sort(), [dir, path.dirname(contextMetaFile(dir, 'live'))].sort());
    writeAtomically(config, JSON.stringify({ currentContext: 'dead' }));
    await waitFor(() => host() === 'unix:///tmp/shipshape-dead.sock', 'followed the atomic replace', 2000);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.client?.endpoint.context, 'dead');
    fs.writeFileSync(config, JSON.stringify({ currentContext: 'other' }));
    await waitFor(() => host() === 'tcp://10.1.2.3:2375', 'followed the in-place write', 2000);
    assert.equal(changes.length, 2);
  });

  it('debounces a burst of writes into one change, and ignores edits that keep the endpoint', async () => {
    const dir = configDir();
    const config = path.join(dir, 'config.json');
    writeAtomically(config, JSON.stringify({ currentContext: 'live' }));
    const { changes, host } = follow({ env: { DOCKER_CONFIG: dir } });
    for (const name of ['dead', 'other', 'dead', 'other']) writeAtomically(config, JSON.stringify({ currentContext: name }));
    await waitFor(() => host() === 'tcp://10.1.2.3:2375', 'the last write wins', 2000);
    await sleep(150);
    assert.equal(changes.length, 1, 'one reconnection for the burst');
    // Credentials, other settings, another context's metadata: same endpoint, no reconnection.
    writeAtomically(config, JSON.stringify({ auths: { 'registry.example': {} }, currentContext: 'other', credsStore: 'pass' }));
    fs.writeFileSync(contextMetaFile(dir, 'dead'), meta('dead', 'unix:///tmp/elsewhere.sock'));
    fs.writeFileSync(path.join(dir, 'unrelated.json'), '{}');
    await sleep(200);
    assert.equal(changes.length, 1);
  });

  it('reports a malformed config.json as an error naming the file, and recovers when it is fixed', async () => {
    const dir = configDir();
    const config = path.join(dir, 'config.json');
    writeAtomically(config, JSON.stringify({ currentContext: 'live' }));
    const { follower, host } = follow({ env: { DOCKER_CONFIG: dir } });
    fs.writeFileSync(config, '{ "currentContext": "li');
    await waitFor(() => Boolean(follower.current.error), 'the error is reported', 2000);
    assert.equal(follower.current.error!.message.startsWith(`${config}: not valid JSON`), true, follower.current.error!.message);
    assert.equal(follower.current.error!.where.file, config);
    assert.match(follower.current.error!.hint, /fix or remove the file/);
    fs.writeFileSync(config, JSON.stringify({ currentContext: 'dead' }));
    await waitFor(() => host() === 'unix:///tmp/shipshape-dead.sock', 'recovered', 2000);
  });

  it('reports a malformed meta.json of the current context, and recovers when that file is fixed', async () => {
    const dir = configDir();
    writeAtomically(path.join(dir, 'config.json'), JSON.stringify({ currentContext: 'dead' }));
    const { follower, host } = follow({ env: { DOCKER_CONFIG: dir } });
    const metaFile = contextMetaFile(dir, 'dead');
    fs.writeFileSync(metaFile, '{"Name":"dead","Endpoints":');
    await waitFor(() => Boolean(follower.current.error), 'the error is reported', 2000);
    assert.equal(follower.current.error!.where.file, metaFile);
    assert.match(follower.current.error!.message, new RegExp(`^${metaFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON`));
    fs.writeFileSync(metaFile, meta('dead', 'unix:///tmp/fixed.sock'));
    await waitFor(() => host() === 'unix:///tmp/fixed.sock', 'recovered from the fixed meta.json', 2000);
  });

  it('watches no config.json when a setting or the environment decides (only the chosen context\'s metadata)', () => {
    const dir = configDir();
    assert.deepEqual(follow({ env: { DOCKER_CONFIG: dir }, host: 'unix:///x.sock' }).follower.watching, []);
    assert.deepEqual(follow({ env: { DOCKER_CONFIG: dir, DOCKER_HOST: 'tcp://h:2375' } }).follower.watching, []);
    assert.deepEqual(follow({ env: { DOCKER_CONFIG: dir }, context: 'live' }).follower.watching, [path.dirname(contextMetaFile(dir, 'live'))]);
    assert.deepEqual(follow({ env: { DOCKER_CONFIG: dir, DOCKER_CONTEXT: 'default' } }).follower.watching, []);
  });

  it('stops watching on dispose: later writes change nothing', async () => {
    const dir = configDir();
    const config = path.join(dir, 'config.json');
    writeAtomically(config, JSON.stringify({ currentContext: 'live' }));
    const { follower, changes } = follow({ env: { DOCKER_CONFIG: dir } });
    writeAtomically(config, JSON.stringify({ currentContext: 'dead' }));
    follower.dispose(); // before the debounce ran
    assert.deepEqual(follower.watching, []);
    await sleep(150);
    writeAtomically(config, JSON.stringify({ currentContext: 'other' }));
    await sleep(150);
    assert.deepEqual(changes, []);
  });

  it('follows the real `docker context use`, even when the config folder did not exist yet (Docker CLI)', async function () {
    const cli = ['/usr/bin/docker', '/usr/local/bin/docker'].find((p) => fs.existsSync(p));
    if (!cli) throw new Error('no docker CLI (scripts/docker-up installs docker.io, which has one)');
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-follow-cli-'));
    made.push(parent);
    const dir = path.join(parent, 'docker-config');
    const docker = (...args: string[]) => {
      const r = spawnSync(cli, args, { env: { PATH: process.env.PATH, HOME: parent, DOCKER_CONFIG: dir }, encoding: 'utf8' });
      assert.equal(r.status, 0, `${cli} ${args.join(' ')}: ${r.stderr}`);
    };
    const { follower, host } = follow({ env: { DOCKER_CONFIG: dir }, platform: 'linux', exists: () => false });
    assert.equal(host(), 'unix:///var/run/docker.sock');
    assert.deepEqual(follower.watching, [parent], 'waits for the folder to appear');
    docker('context', 'create', 'build', '--docker', 'host=tcp://build.example:2375');
    docker('context', 'use', 'build');
    await waitFor(() => host() === 'tcp://build.example:2375', 'followed docker context use build', 3000);
    assert.ok(follower.watching.includes(dir));
    docker('context', 'use', 'default');
    await waitFor(() => host() === 'unix:///var/run/docker.sock', 'followed docker context use default', 3000);
  });
});
