// The self-tests of the course pack's networking, volumes and orchestration labs, run as an instructor
// runs them: `shipshape labs test labs/course --lab ID --format json`. Networking and volumes run against
// the machine's daemon (they only make course-… objects, which the self-test removes); orchestration
// turns a daemon into a swarm, so it runs against a private dockerd of the test's own, never the machine's.
import assert from 'node:assert/strict';
import path from 'node:path';
import { shipshape } from './cli';
import { PrivateDockerd } from '../support/private-dockerd';

const pack = path.resolve(__dirname, '..', '..', '..', 'labs', 'course');

interface StepReport { id: string; beforeSolve: string[]; afterSolve: string[]; message: string }

function selfTest(lab: string, steps: string[], extra: string[] = []): void {
  const run = shipshape(['labs', 'test', pack, '--lab', lab, '--format', 'json', ...extra]);
  assert.ok(run.stdout.trim().startsWith('{'), `no JSON report from labs test --lab ${lab}:\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout);
  const found = report.labs.find((l: { id: string }) => l.id === lab);
  assert.ok(found, `the report has no lab ${lab}: ${run.stdout}`);
  assert.deepEqual(found.steps.map((s: StepReport) => [s.id, s.message]), steps.map((id) => [id, 'ok']), run.stdout);
  assert.deepEqual(report.leftovers, [], 'nothing of the pack may be left after the self-test');
  assert.equal(report.passed, true, run.stdout);
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  console.log(`      (self-test of the ${lab} lab: ${report.ms} ms)`);
}

describe('the course pack: networking, volumes and orchestration labs pass their self-tests', function () {
  this.timeout(180_000);

  it('networking: default bridge, user-defined bridge with names, a chosen subnet, the host network, a published port; every step ok, nothing left', () => {
    selfTest('networking', ['default-bridge', 'user-network', 'inspect', 'host-network', 'publish']);
  });

  it('volumes: the writable layer lost on re-create, a named volume kept, a bind mount, a read-only mount; every step ok, nothing left', () => {
    selfTest('volumes', ['writable-layer', 'lost', 'named-volume', 'bind-mount', 'read-only']);
  });

  describe('orchestration (a private dockerd: swarm init changes the daemon)', function () {
    this.timeout(400_000);
    let dockerd: PrivateDockerd | undefined;
    before(async () => (dockerd = await PrivateDockerd.start()));
    after(async () => dockerd?.dispose());

    it('swarm init, a 3-replica service, self-healing, scaling, a rolling update, leaving the swarm; every step ok, nothing left', () => {
      selfTest('orchestration', ['init', 'service', 'self-heal', 'scale', 'rolling-update', 'kubernetes', 'leave'], ['--host', dockerd!.host]);
    });
  });
});
