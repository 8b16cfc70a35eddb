// The bundled CLI (dist/cli.js) against the real daemon, as a user runs it.
import assert from 'node:assert/strict';
import { removeContainer, runBusybox, testClient, uniqueName } from '../support/daemon';
import { shipshape as cli } from './cli';

const shipshape = (args: string[], env: NodeJS.ProcessEnv = process.env) => cli(args, { env });

describe('shipshape ps (real daemon)', () => {
  const client = testClient();
  let id = '';
  const name = uniqueName('cli');
  before(async () => (id = await runBusybox(client, name)));
  after(async () => removeContainer(client, id));

  it('--format json prints an array with id, name, image and state for each container', () => {
    const run = shipshape(['ps', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const list = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    const mine = list.find((c) => c.id === id);
    assert.ok(mine, 'the new container is listed');
    assert.deepEqual({ name: mine.name, image: mine.image, state: mine.state }, { name, image: 'busybox:latest', state: 'running' });
  });

  it('prints a table with a header by default', () => {
    const run = shipshape(['ps']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^CONTAINER ID\s+NAME\s+IMAGE\s+STATE\s+STATUS\n/);
    assert.match(run.stdout, new RegExp(`^${id.slice(0, 12)}\\s+${name}\\s+busybox:latest\\s+running\\s+Up `, 'm'));
  });

  it('exits 2 with "Docker is not reachable" when DOCKER_HOST points at nothing', () => {
    const run = shipshape(['ps'], { ...process.env, DOCKER_HOST: 'unix:///tmp/shipshape-nothing.sock' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Docker is not reachable: no daemon socket at unix:\/\/\/tmp\/shipshape-nothing\.sock \(from DOCKER_HOST\)/);
    assert.equal(run.stdout, '');
  });

  it('exits 2 with the allowed values on a bad --format', () => {
    const run = shipshape(['ps', '--format', 'xml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format must be one of tty, json \(got "xml"\)/);
  });

  it('exits 2 and points at --help for an unknown command', () => {
    const run = shipshape(['frobnicate']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown command "frobnicate"[\s\S]*shipshape --help/);
  });
});
