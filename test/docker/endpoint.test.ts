// Endpoint resolution over real files in temporary Docker config folders (no daemon needed).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dockerodeOptions } from '../../src/docker/client';
import { EndpointError, normalizeHost, resolveEndpoint } from '../../src/docker/endpoint';

function configHome(files: Record<string, string>): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-home-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
    fs.writeFileSync(path.join(home, rel), text);
  }
  return home;
}

const digest = (name: string) => crypto.createHash('sha256').update(name).digest('hex');
const meta = (name: string, host: string, skip = false) => JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: skip } } });
const noSockets = () => false;

describe('docker/endpoint', () => {
  it('uses the default socket when nothing is configured', () => {
    const e = resolveEndpoint({ env: {}, homeDir: configHome({}), platform: 'linux', exists: noSockets });
    assert.deepEqual(e, { host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('finds a rootless Podman socket when the Docker socket is absent', () => {
    const e = resolveEndpoint({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, homeDir: configHome({}), platform: 'linux', exists: (f) => f === '/run/user/1000/podman/podman.sock' });
    assert.equal(e.host, 'unix:///run/user/1000/podman/podman.sock');
  });

  it('honours DOCKER_HOST over the current context', () => {
    const home = configHome({ '.docker/config.json': JSON.stringify({ currentContext: 'remote' }) });
    const e = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' }, homeDir: home, exists: noSockets });
    assert.deepEqual(e, { host: 'tcp://10.0.0.5:2375', source: 'DOCKER_HOST' });
  });

  it('reads the current context from config.json and its meta.json, with TLS files', () => {
    const home = configHome({
      '.docker/config.json': JSON.stringify({ currentContext: 'remote' }),
      [`.docker/contexts/meta/${digest('remote')}/meta.json`]: meta('remote', 'tcp://build.example:2376'),
      [`.docker/contexts/tls/${digest('remote')}/docker/ca.pem`]: 'CA',
      [`.docker/contexts/tls/${digest('remote')}/docker/cert.pem`]: 'CERT',
      [`.docker/contexts/tls/${digest('remote')}/docker/key.pem`]: 'KEY',
    });
    const e = resolveEndpoint({ env: {}, homeDir: home, exists: noSockets });
    assert.equal(e.host, 'tcp://build.example:2376');
    assert.equal(e.context, 'remote');
    assert.equal(e.tls?.verify, true);
    const options = dockerodeOptions(e);
    assert.equal(options.protocol, 'https');
    assert.equal(options.port, 2376);
    assert.equal(String(options.ca), 'CA');
  });

  it('lets DOCKER_CONTEXT and an explicit context override config.json', () => {
    const home = configHome({
      '.docker/config.json': JSON.stringify({ currentContext: 'remote' }),
      [`.docker/contexts/meta/${digest('remote')}/meta.json`]: meta('remote', 'tcp://a:2375'),
      [`.docker/contexts/meta/${digest('ssh-box')}/meta.json`]: meta('ssh-box', 'ssh://me@box'),
    });
    assert.equal(resolveEndpoint({ env: { DOCKER_CONTEXT: 'ssh-box' }, homeDir: home }).host, 'ssh://me@box');
    assert.equal(resolveEndpoint({ env: { DOCKER_CONTEXT: 'ssh-box' }, homeDir: home, context: 'remote' }).host, 'tcp://a:2375');
    assert.equal(resolveEndpoint({ env: {}, homeDir: home, context: 'default', exists: noSockets }).host, 'unix:///var/run/docker.sock');
  });

  it('honours DOCKER_CONFIG for where contexts live', () => {
    const home = configHome({ 'elsewhere/config.json': JSON.stringify({ currentContext: 'x' }), [`elsewhere/contexts/meta/${digest('x')}/meta.json`]: meta('x', 'unix:///tmp/x.sock') });
    assert.equal(resolveEndpoint({ env: { DOCKER_CONFIG: path.join(home, 'elsewhere') }, homeDir: home }).host, 'unix:///tmp/x.sock');
  });

  it('names the missing context and the file it looked for', () => {
    const home = configHome({ '.docker/config.json': JSON.stringify({ currentContext: 'gone' }) });
    assert.throws(() => resolveEndpoint({ env: {}, homeDir: home }), (e: unknown) => e instanceof EndpointError && /Docker context "gone" not found \(no .*meta\.json\)/.test(e.message) && /docker context ls/.test(e.hint));
  });

  it('reports a malformed config.json with its path', () => {
    const home = configHome({ '.docker/config.json': '{ "currentContext": ' });
    assert.throws(() => resolveEndpoint({ env: {}, homeDir: home }), /config\.json: not valid JSON/);
  });

  it('normalizes the host forms DOCKER_HOST accepts and rejects others', () => {
    assert.equal(normalizeHost('/var/run/docker.sock'), 'unix:///var/run/docker.sock');
    assert.equal(normalizeHost('localhost:2375'), 'tcp://localhost:2375');
    assert.equal(normalizeHost('http://h:1'), 'tcp://h:1');
    assert.throws(() => normalizeHost('docker please'), EndpointError);
  });

  it('turns an ssh:// host into dockerode ssh options with user and port', () => {
    const o = dockerodeOptions({ host: 'ssh://alice@build:2222', source: 'setting' });
    assert.deepEqual([o.protocol, o.host, o.port, o.username], ['ssh', 'build', 2222, 'alice']);
  });
});
