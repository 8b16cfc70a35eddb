// Docker's contexts and the "Switch Docker Context" quick pick items, against a fixture config folder
// written by the Docker CLI itself (test/docker/fixtures/docker-config; no daemon needed).
import assert from 'node:assert/strict';
import path from 'node:path';
import { contextPickItems, listDockerContexts } from '../../src/docker/contexts';
import { currentContextName, followsCurrentContext } from '../../src/docker/endpoint';

const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'docker', 'fixtures', 'docker-config');
const env = { DOCKER_CONFIG: fixture };
const noSockets = () => false;

describe('docker/contexts: Docker\'s contexts from a config folder (fixture)', () => {
  it('lists default first, then every stored context by name with its endpoint and description', () => {
    const contexts = listDockerContexts({ env, platform: 'linux', exists: noSockets });
    assert.deepEqual(
      contexts.map((c) => [c.name, c.host, c.description]),
      [
        ['default', 'unix:///var/run/docker.sock', 'The default socket'],
        ['no-endpoint', undefined, undefined],
        ['podman', 'unix:///run/user/1000/podman/podman.sock', 'Rootless Podman'],
        ['remote-tls', 'tcp://build.example:2376', 'Build box'],
        ['ssh-box', 'ssh://me@box', undefined],
        ['? f526795c9539', undefined, undefined],
      ],
    );
  });

  it('keeps listing when one meta.json is malformed, and names that file', () => {
    const contexts = listDockerContexts({ env, platform: 'linux', exists: noSockets });
    const broken = contexts.find((c) => c.name.startsWith('?'))!;
    assert.match(broken.problem ?? '', /contexts\/meta\/f526795c95399cea27c055c842c3d6ab018ed0fa4f66f701c28ab22dec28237b\/meta\.json: not valid JSON/);
    assert.match(contexts.find((c) => c.name === 'no-endpoint')!.problem ?? '', /meta\.json: no docker endpoint/);
    assert.equal(contexts.filter((c) => c.problem).length, 2);
  });

  it('lists only default when the folder has no contexts (or does not exist)', () => {
    const contexts = listDockerContexts({ env: { DOCKER_CONFIG: path.join(fixture, 'absent') }, platform: 'linux', exists: noSockets });
    assert.deepEqual(contexts.map((c) => c.name), ['default']);
  });

  it('the current context is config.json\'s currentContext unless a setting or the environment decides', () => {
    assert.equal(currentContextName({ env }), 'remote-tls');
    assert.equal(currentContextName({ env: { ...env, DOCKER_CONTEXT: 'ssh-box' } }), 'ssh-box');
    assert.equal(currentContextName({ env, context: 'podman' }), 'podman');
    assert.equal(currentContextName({ env: { ...env, DOCKER_HOST: 'tcp://x:2375' } }), undefined);
    assert.equal(currentContextName({ env, host: 'unix:///x.sock' }), undefined);
    assert.equal(currentContextName({ env: { DOCKER_CONFIG: path.join(fixture, 'absent') } }), 'default');
    assert.equal(followsCurrentContext({ env }), true);
    for (const inputs of [{ env, context: 'podman' }, { env, host: 'unix:///x.sock' }, { env: { ...env, DOCKER_HOST: 'tcp://x:2375' } }, { env: { ...env, DOCKER_CONTEXT: 'x' } }]) {
      assert.equal(followsCurrentContext(inputs), false, JSON.stringify(inputs));
    }
  });
});

describe('docker/contexts: the Switch Docker Context quick pick items (fixture)', () => {
  it('has one item per context, its endpoint as detail, the current one marked', () => {
    const { items, current, note } = contextPickItems({ env, platform: 'linux', exists: noSockets });
    assert.equal(current, 'remote-tls');
    assert.equal(note, undefined);
    const remote = items.find((i) => i.context === 'remote-tls')!;
    assert.deepEqual(remote, { label: '$(check) remote-tls', description: 'current · Build box', detail: 'tcp://build.example:2376', context: 'remote-tls', current: true, usable: true });
    assert.deepEqual(items.find((i) => i.context === 'ssh-box'), { label: '$(blank) ssh-box', detail: 'ssh://me@box', context: 'ssh-box', current: false, usable: true });
    assert.equal(items[0]!.context, 'default');
    assert.equal(items[0]!.detail, 'unix:///var/run/docker.sock');
    assert.deepEqual(items.filter((i) => i.current).map((i) => i.context), ['remote-tls']);
  });

  it('shows unusable contexts with the problem (file path) as detail', () => {
    const { items } = contextPickItems({ env, platform: 'linux', exists: noSockets });
    const broken = items.find((i) => i.context.startsWith('?'))!;
    assert.equal(broken.usable, false);
    assert.match(broken.detail, /^\$\(warning\) .*fixtures\/docker-config\/contexts\/meta\/f52679.*\/meta\.json: not valid JSON/);
  });

  it('marks the context setting as current over config.json, and default when nothing is chosen', () => {
    assert.deepEqual(contextPickItems({ env, context: 'ssh-box' }).items.filter((i) => i.current).map((i) => i.context), ['ssh-box']);
    const empty = contextPickItems({ env: { DOCKER_CONFIG: path.join(fixture, 'absent') }, platform: 'linux', exists: noSockets });
    assert.deepEqual(empty.items.map((i) => [i.label, i.current]), [['$(check) default', true]]);
  });

  it('says when a host decides instead of contexts (host setting, DOCKER_HOST)', () => {
    const host = contextPickItems({ env, host: 'tcp://10.0.0.5:2375' });
    assert.equal(host.current, undefined);
    assert.match(host.note ?? '', /shipshape\.docker\.host setting \(tcp:\/\/10\.0\.0\.5:2375\) takes precedence/);
    assert.ok(host.items.every((i) => !i.current));
    assert.match(contextPickItems({ env: { ...env, DOCKER_HOST: 'tcp://x:2375' } }).note ?? '', /DOCKER_HOST \(tcp:\/\/x:2375\) decides now/);
  });

  it('still lists the contexts when config.json is malformed, with the file in the note', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const os = require('node:os') as typeof import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ctx-'));
    fs.cpSync(fixture, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'config.json'), '{ "currentContext": ');
    const pick = contextPickItems({ env: { DOCKER_CONFIG: dir }, platform: 'linux', exists: noSockets });
    assert.equal(pick.current, undefined);
    assert.match(pick.note ?? '', new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/config\\.json: not valid JSON`));
    assert.equal(pick.items.length, 6);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
