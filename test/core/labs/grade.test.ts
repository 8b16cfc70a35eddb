import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { gradeClassroom, gradeJson, gradeJunit, gradePack } from '../../../src/core/labs/grade';
import { LabRunner } from '../../../src/core/labs/runner';
import { environment, kindsOf, lab, pack, spec, step, worldKind } from '../../support/lab-pack';

/** The result shape GitHub Classroom's reporter reads (github-education-resources/autograding-grading-reporter). */
const CLASSROOM_SCHEMA = {
  type: 'object',
  required: ['version', 'status', 'max_score', 'tests'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    status: { enum: ['pass', 'fail', 'error'] },
    max_score: { type: 'number', minimum: 0 },
    tests: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'status', 'score', 'message'],
        properties: {
          name: { type: 'string', minLength: 1 },
          status: { enum: ['pass', 'fail', 'error'] },
          score: { type: 'number', minimum: 0 },
          max_score: { type: 'number', minimum: 0 },
          message: { type: ['string', 'null'] },
          line_no: { type: ['number', 'null'] },
          execution_time: { type: 'string' },
        },
      },
    },
  },
};

async function graded() {
  const world = { web: 'running', db: 'exited', page: 'ok' };
  const { kind } = worldKind('w', world, []);
  const broken = { ...worldKind('x', {}, []).kind, run: () => Promise.reject(new Error('the daemon is not answering')) };
  const p = pack([
    lab('one', [
      step('a', [spec('w', { key: 'web', want: 'running' }), spec('w', { key: 'db', want: 'running' }, { name: 'db <runs> & "answers"' }), spec('w', { key: 'page', want: 'ok' })]),
      step('b', [spec('w', { key: 'web', want: 'running' })], { points: 5 }),
    ]),
    lab('two', [step('c', [spec('x', { key: 'q', want: 'r' })], { points: 4 }), step('d', [spec('w', { key: 'web', want: 'running' })], { points: 6 })]),
  ]);
  const runner = new LabRunner({ pack: p, environment: environment(), trusted: true, kinds: kindsOf(kind, broken) });
  await runner.check('one', 'a');
  runner.markSolved('one', 'b');
  await runner.check('one', 'b', { ignoreNeeds: true });
  await runner.check('two', 'c');
  return { grade: gradePack(p, (l, s) => runner.state(l, s)), runner };
}

describe('core/labs/grade: points per check and the CI formats', () => {
  it('partial credit per check, solved earns 0 and says so, unchecked and errored earn nothing', async () => {
    const { grade, runner } = await graded();
    assert.deepEqual([grade.earned, grade.available], [7, 25]);
    assert.deepEqual(grade.labs[0]!.steps[0]!.checks.map((c) => [c.status, c.earned, c.available]), [['passed', 4, 4], ['failed', 0, 3], ['passed', 3, 3]]);
    assert.equal(grade.labs[0]!.steps[0]!.checks[1]!.message, 'db is exited, expected running: set db to running');
    assert.deepEqual(grade.labs[0]!.steps[1]!.checks[0], { name: 'web is running', status: 'passed', earned: 0, available: 5, message: "solved with the pack's solution: 0 points" });
    assert.equal(grade.labs[1]!.steps[0]!.checks[0]!.message, 'could not check: the daemon is not answering');
    assert.equal(grade.labs[1]!.steps[1]!.checks[0]!.status, 'unchecked');
    assert.deepEqual(runner.points(), { earned: grade.earned, available: grade.available }, 'the grade and the runner count alike');
    assert.deepEqual(JSON.parse(gradeJson(grade)), grade);
  });

  it('GitHub Classroom: the reporter\'s result shape, scores that sum to the grade, fail when any check fails', async () => {
    const { grade } = await graded();
    const result = gradeClassroom(grade);
    const validate = new Ajv({ strict: true }).compile(CLASSROOM_SCHEMA);
    assert.ok(validate(result), JSON.stringify(validate.errors));
    assert.equal(result.status, 'fail');
    assert.equal(result.max_score, 25);
    assert.equal(result.tests.reduce((n, t) => n + t.score, 0), 7, 'notify-classroom sums the tests\' scores');
    assert.deepEqual(result.tests[0], { name: 'one/a: web is running', status: 'pass', score: 4, max_score: 4, message: null });
    assert.equal(result.tests.find((t) => t.name.startsWith('two/c'))!.status, 'error');
  });

  it('JUnit: a suite per lab, a case per check with its points in <properties>, escaped names', async () => {
    const xml = gradeJunit((await graded()).grade);
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="sample 1\.0\.0" tests="6" failures="2" errors="1">/);
    assert.match(xml, /<testcase name="a: db &lt;runs&gt; &amp; &quot;answers&quot;" classname="sample\.one\.a">\n {6}<properties><property name="points" value="0"\/><property name="max_points" value="3"\/><\/properties>\n {6}<failure message="db is exited, expected running: set db to running">/);
    assert.match(xml, /<testcase name="b: web is running" classname="sample\.one\.b">\n {6}<properties><property name="points" value="0"\/><property name="max_points" value="5"\/><property name="solved" value="true"\/><\/properties>\n {4}<\/testcase>/);
    assert.match(xml, /<error message="could not check: the daemon is not answering">/);
    assert.equal((xml.match(/<testcase /g) ?? []).length, (xml.match(/<\/testcase>/g) ?? []).length);
  });
});
