// `shipshape labs` (the bundled CLI) on the sample pack and on small packs written here, against the real daemon.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TEST_LABEL, removeContainer, runBusybox, testClient, uniqueName } from '../support/daemon';
import { project, shipshape } from './cli';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'packs', 'sample');

/** A one-lab pack whose names all start with `prefix`; `solve` and `checks` are YAML lines of its one step. */
function tinyPack(prefix: string, solve: string[], checks: string): string {
  return project({
    'shipshape-pack.yaml': `schemaVersion: 1
id: tiny
title: Tiny
version: 0.1.0
description: A pack written by a test.
resources:
  prefixes: [${prefix}]
labs:
  - id: one
    title: One
    steps:
      - id: run
        title: Run it
        body: run.md
        points: 10
        solve:
${solve.map((l) => `          - ${l}`).join('\n')}
        cleanup:
          - docker rm -f ${prefix}box
        checks:
${checks}
`,
    'run.md': '# Run it\n',
  });
}

describe('shipshape labs (real daemon)', function () {
  this.timeout(120_000);
  const client = testClient();

  it('validate: a good pack is valid (exit 0); a bad one prints every problem as file:line:col with a hint and exits 1', () => {
    const good = shipshape(['labs', 'validate', SAMPLE]);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /sample 1\.0\.0 is valid \(5 labs, 9 steps\)/);
    const dir = project({ 'shipshape-pack.yaml': 'schemaVersion: 1\nid: Bad Id\ntitle: x\nversion: 1.0\ndescription: d\nlabs: []\n' });
    const bad = shipshape(['labs', 'validate', dir]);
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, '');
    const file = path.join(dir, 'shipshape-pack.yaml');
    assert.match(bad.stderr, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:5: id: "Bad Id" is not valid\\n  hint: `, 'm'));
    assert.match(bad.stderr, /:4:10: version 1 is not a semver version\n {2}hint: /);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
  });

  it('list --format json: labs and steps with points, checks and needs', () => {
    const run = shipshape(['labs', 'list', SAMPLE, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const list = JSON.parse(run.stdout);
    assert.equal(list.pack, 'sample');
    assert.deepEqual(list.labs[0].steps[1], { id: 'limits', title: 'Limit memory, CPU and processes', points: 20, checks: 1, needs: ['containers/run-web'] });
  });

  it('test: the sample pack\'s self-test passes (every check fails before its solve and passes after), in the documented JSON, and leaves nothing of the pack behind', () => {
    const run = shipshape(['labs', 'test', SAMPLE, '--format', 'json']);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report).sort(), ['labs', 'leftovers', 'ms', 'pack', 'passed', 'version']);
    assert.equal(report.passed, true);
    assert.deepEqual(report.labs.map((l: { id: string }) => l.id), ['containers', 'namespaces', 'networks', 'images', 'questions']);
    const runWeb = report.labs[0].steps[0];
    assert.deepEqual(Object.keys(runWeb).sort(), ['afterSolve', 'beforeSolve', 'id', 'message', 'ms']);
    assert.deepEqual([runWeb.beforeSolve, runWeb.afterSolve, runWeb.message], [['failed', 'failed', 'failed'], ['passed', 'passed', 'passed'], 'ok']);
    assert.deepEqual(report.leftovers, []);
    const left = shipshape(['labs', 'reset', SAMPLE, '--format', 'json']);
    // Only the pack's own prepared image may remain (it is the pack's, built before the steps); reset removes it.
    assert.deepEqual(JSON.parse(left.stdout).map((o: { kind: string; name: string }) => `${o.kind} ${o.name}`), ['image shipshape-sample/web:1']);
  });

  it('test: a step whose solve does not make its checks pass fails the self-test (exit 1), saying which check and why', () => {
    const prefix = `${uniqueName('tiny')}-`;
    const dir = tinyPack(prefix, [`docker run --name ${prefix}box --label io.shipshape.pack=tiny busybox true`], `          - kind: container\n            container: ${prefix}box\n            state: running\n`);
    const run = shipshape(['labs', 'test', dir]);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stdout, new RegExp(`✗ one/run \\(\\d+ ms\\): after the solve, container ${prefix}box is running: state is exited \\(code 0\\), expected running`));
    assert.match(run.stdout, /^FAILED: tiny 0\.1\.0 in /m);
  });

  it('check: exits 1 and says what is wrong while the step is not done, 0 once the daemon has it; --format json carries the results', async () => {
    const prefix = `${uniqueName('tiny')}-`;
    const dir = tinyPack(prefix, ['docker version'], `          - kind: container\n            container: ${prefix}box\n            state: running\n`);
    const before = shipshape(['labs', 'check', dir]);
    assert.equal(before.status, 1);
    assert.match(before.stdout, new RegExp(`^one/run Run it: failed\\n  ✗ container ${prefix}box is running — no container named ${prefix}box: create it with`, 'm'));
    const id = await runBusybox(client, `${prefix}box`);
    try {
      const after = shipshape(['labs', 'check', dir, '--format', 'json']);
      assert.equal(after.status, 0, after.stdout);
      const [step] = JSON.parse(after.stdout);
      assert.equal(step.status, 'passed');
      assert.equal(step.results[0].status, 'passed');
    } finally {
      await removeContainer(client, id);
    }
  });

  it('grade --format github-classroom: the autograding result with a test per check and the points; a quiz judged from --answers', async () => {
    const prefix = `${uniqueName('tiny')}-`;
    const checks = `          - kind: container\n            container: ${prefix}box\n            state: running\n            points: 6\n          - kind: quiz\n            question: Which kernel?\n            choices: [host, own]\n            answer: host\n            points: 4\n`;
    const dir = tinyPack(prefix, ['docker version'], checks);
    fs.writeFileSync(path.join(dir, 'answers.yaml'), 'one/run/1: host\n');
    const run = shipshape(['labs', 'grade', dir, '--format', 'github-classroom', '--answers', path.join(dir, 'answers.yaml')]);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.version, 1);
    assert.equal(result.max_score, 10);
    assert.deepEqual(result.tests.map((t: { status: string; score: number; max_score: number }) => [t.status, t.score, t.max_score]), [['fail', 0, 6], ['pass', 4, 4]]);
    const junit = shipshape(['labs', 'grade', dir, '--format', 'junit']);
    assert.match(junit.stdout, /<testsuites[^>]*>/);
    assert.match(junit.stdout, /<property name="points" value="0"\/><property name="max_points" value="6"\/>/);
    assert.match(junit.stdout, /<property name="points" value="0"\/><property name="max_points" value="4"\/>/, 'without --answers the quiz earns nothing');
  });

  it('reset removes only what the pack owns: look-alike names and other labels stay', async () => {
    const prefix = `${uniqueName('tiny')}-`;
    const dir = tinyPack(prefix, ['docker version'], `          - kind: container\n            container: ${prefix}box\n`);
    const owned = await runBusybox(client, `${prefix}box`);
    const lookAlike = await runBusybox(client, `x${prefix}box`);
    const other = await client.api.createContainer({ name: uniqueName('other'), Image: 'busybox:latest', Cmd: ['sleep', '60'], Labels: { [TEST_LABEL]: 'true', 'io.shipshape.pack': 'another' } });
    try {
      const run = shipshape(['labs', 'reset', dir]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^removed container ${prefix}box \\(`, 'm'));
      await assert.rejects(client.api.getContainer(owned).inspect(), /no such container/i);
      assert.equal((await client.api.getContainer(lookAlike).inspect()).State.Running, true);
      assert.ok(await other.inspect());
    } finally {
      for (const id of [owned, lookAlike, other.id]) await removeContainer(client, id);
    }
  });

  it('says first which of the pack\'s requirements the daemon does not meet (here: swarm), then checks anyway', () => {
    const dir = tinyPack(`${uniqueName('tiny')}-`, ['docker version'], '          - kind: swarm\n            active: true\n');
    const manifest = path.join(dir, 'shipshape-pack.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('resources:', 'requires: { swarm: true }\nresources:'));
    const run = shipshape(['labs', 'check', dir]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^warning: swarm: swarm mode is inactive; this pack needs it: run docker swarm init/m);
  });

  it('exits 2 on usage errors: no action, an unknown action, an unknown --lab, a format the action has not', () => {
    assert.equal(shipshape(['labs']).status, 2);
    assert.match(shipshape(['labs', 'run', SAMPLE]).stderr, /name an action: list, validate, check, test, grade, reset \(got "run"\)/);
    assert.match(shipshape(['labs', 'check', SAMPLE, '--lab', 'nope', '--no-prepare']).stderr, /--lab nope: the pack has no such lab \(it has containers, namespaces, networks, images, questions\)/);
    assert.match(shipshape(['labs', 'grade', SAMPLE, '--format', 'tty']).stderr, /--format tty is not one of json, junit, github-classroom/);
  });
});
