// The self-test of the course pack's first labs (vms, processes, daemon-api, serverless), as an
// instructor's CI runs it: `shipshape labs test labs/course --lab ID --format json` against the daemon.
// labs/course/shipshape-pack.yaml is assembled from the labs' fragments (assemble.py) before this runs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { shipshape } from './cli';

const COURSE = path.resolve(__dirname, '..', '..', '..', 'labs', 'course');

type StepReport = { id: string; beforeSolve: string[]; afterSolve: string[]; message: string };

const LABS: Record<string, string[]> = {
  vms: ['kernel', 'hypervisor', 'start-time', 'hypervisor-types'],
  processes: ['run', 'host-pid', 'pause', 'restart', 'remove'],
  'daemon-api': ['client-server', 'raw-create', 'raw-stop', 'tree'],
  serverless: ['cold', 'warm', 'faas'],
};

describe('the course pack: labs vms, processes, daemon-api, serverless (self-test against the daemon)', function () {
  this.timeout(120_000);
  for (const [lab, steps] of Object.entries(LABS)) {
    it(`${lab}: every step fails before its solve and passes after it, nothing of the pack left`, () => {
      const run = shipshape(['labs', 'test', COURSE, '--lab', lab, '--format', 'json']);
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      const report = JSON.parse(run.stdout);
      assert.equal(report.passed, true, run.stdout);
      const only = report.labs.find((l: { id: string }) => l.id === lab);
      assert.ok(only, `no lab ${lab} in the report: ${run.stdout}`);
      assert.deepEqual(only.steps.map((s: StepReport) => s.id), steps);
      for (const s of only.steps as StepReport[]) assert.equal(s.message, 'ok', `${lab}/${s.id}: ${s.message}`);
      assert.deepEqual(report.leftovers, []);
      console.log(`      (self-test of ${lab}: ${report.ms} ms)`);
    });
  }
});
