// The course pack's labs "images" and "dockerfile" (labs/course), self-tested against the real daemon as CI
// runs them, and one near-miss a student makes, read back as the feedback they would get.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { shipshape } from './cli';

const COURSE = path.resolve(__dirname, '..', '..', '..', 'labs', 'course');

interface Report {
  passed: boolean;
  leftovers: string[];
  labs: { id: string; steps: { id: string; message: string }[] }[];
}

function selfTest(lab: string): Report {
  const run = shipshape(['labs', 'test', COURSE, '--lab', lab, '--format', 'json']);
  assert.ok(run.stdout.trim().startsWith('{'), `no JSON report (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as Report;
}

describe('course pack: the images and dockerfile labs (real daemon)', function () {
  this.timeout(180_000);

  for (const [lab, steps] of [
    ['images', ['tag', 'history', 'writable-layer', 'read-only-layers', 'flatten']],
    ['dockerfile', ['build-run', 'lint-clean', 'multi-stage']],
  ] as const) {
    it(`labs test --lab ${lab} passes: every step fails before its solve, passes after, and nothing is left`, () => {
      const report = selfTest(lab);
      const found = report.labs.find((l) => l.id === lab);
      assert.ok(found, `no lab ${lab} in the report`);
      assert.deepEqual(found.steps.map((s) => [s.id, s.message]), steps.map((s) => [s, 'ok']));
      assert.deepEqual(report.leftovers, []);
      assert.equal(report.passed, true);
    });
  }

  it('a student who tags busybox instead of course/layers:1 is told which tags the image really has', () => {
    const tagged = spawnSync('docker', ['tag', 'busybox:latest', 'course/layers:study'], { encoding: 'utf8' });
    assert.equal(tagged.status, 0, tagged.stderr);
    try {
      const run = shipshape(['labs', 'check', COURSE, '--lab', 'images', '--step', 'tag']);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /tags course\/layers:1, expected tagged course\/layers:study/);
    } finally {
      spawnSync('docker', ['rmi', 'course/layers:study']);
    }
  });
});
