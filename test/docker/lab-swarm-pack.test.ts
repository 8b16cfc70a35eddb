// The swarm sample pack's self-test, on a private dockerd of the test's own: `swarm init` changes a
// daemon, so it never runs against the machine's.
import assert from 'node:assert/strict';
import path from 'node:path';
import { shipshape } from '../cli/cli';
import { PrivateDockerd } from '../support/private-dockerd';

describe('the swarm sample pack (a private dockerd)', function () {
  this.timeout(240_000);
  let dockerd: PrivateDockerd | undefined;
  before(async () => (dockerd = await PrivateDockerd.start()));
  after(async () => dockerd?.dispose());

  it('passes its self-test: swarm inactive and no service before each solve, active with 2 replicas after, nothing left', () => {
    const pack = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'packs', 'swarm');
    const run = shipshape(['labs', 'test', pack, '--format', 'json', '--host', dockerd!.host]);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.labs[0].steps.map((s: { id: string; beforeSolve: string[]; afterSolve: string[]; message: string }) => [s.id, s.beforeSolve, s.afterSolve, s.message]),
      [
        ['init', ['failed'], ['passed'], 'ok'],
        ['service', ['failed'], ['passed'], 'ok'],
      ],
    );
    assert.deepEqual(report.leftovers, []);
    console.log(`      (self-test of the swarm pack: ${report.ms} ms)`);
  });
});
