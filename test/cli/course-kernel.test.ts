// The built-in course's kernel labs (5 namespaces, 6 cgroups), self-tested against the machine's daemon
// as CI runs them: every check fails before its step's solve, passes after it, and nothing is left behind.
import assert from 'node:assert/strict';
import path from 'node:path';
import { shipshape } from './cli';

const COURSE = path.resolve(__dirname, '..', '..', '..', 'labs', 'course');

type StepReport = { id: string; beforeSolve: string[]; afterSolve: string[]; message: string };
type Report = { passed: boolean; leftovers: unknown[]; labs: { id: string; steps: StepReport[] }[] };

function selfTest(lab: string): Report {
  const run = shipshape(['labs', 'test', COURSE, '--lab', lab, '--format', 'json']);
  assert.ok(run.stdout.trim(), `labs test --lab ${lab} printed nothing: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as Report;
  assert.equal(run.status, report.passed ? 0 : 1, run.stderr);
  return report;
}

function assertAllOk(report: Report, lab: string, steps: string[]): void {
  assert.deepEqual(report.labs.map((l) => l.id), [lab]);
  assert.deepEqual(report.labs[0].steps.map((s) => s.id), steps);
  for (const step of report.labs[0].steps) {
    assert.equal(step.message, 'ok', `${lab}/${step.id}: ${step.message}`);
    // Quizzes are skipped (only a student answers them); every other check failed before and passed after.
    assert.ok(step.beforeSolve.every((r) => r === 'failed' || r === 'skipped'), `${lab}/${step.id} before: ${step.beforeSolve}`);
    assert.ok(step.afterSolve.every((r) => r === 'passed' || r === 'skipped'), `${lab}/${step.id} after: ${step.afterSolve}`);
    assert.ok(step.afterSolve.some((r) => r === 'passed'), `${lab}/${step.id} has no check that ran`);
  }
  assert.deepEqual(report.leftovers, []);
  assert.equal(report.passed, true);
}

describe('course pack: the kernel labs self-test on the real daemon', function () {
  this.timeout(120_000);

  it('namespaces: pid private/shared/host, uts, net host, mnt tmpfs, ipc shared, user host: every step ok, nothing left', () => {
    assertAllOk(selfTest('namespaces'), 'namespaces', ['pid-private', 'pid-share', 'uts', 'net', 'mnt', 'ipc', 'user']);
  });

  it('cgroups: memory limit, OOMKilled, CPU quota, pids limit against a fork bomb, throttled usage: every step ok, nothing left', () => {
    assertAllOk(selfTest('cgroups'), 'cgroups', ['memory', 'oom', 'cpu', 'pids', 'usage']);
  });
});
