// The dockerfile kind with Shipshape's own linter (as `shipshape lint` sets it up, .hadolint.yaml
// honoured) on files in a workspace folder, and the script kind through /bin/sh.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dockerfile from '../../../src/core/labs/checks/dockerfile';
import script from '../../../src/core/labs/checks/script';
import type { LabDaemon } from '../../../src/core/labs/daemon';
import { createCheckContext } from '../../../src/process/lab-io';
import { field, judge, passed, itFails, type FailingCase } from '../../support/lab-checks';

/** Neither kind asks the daemon: any call is a bug. */
const noDaemon = new Proxy({}, { get: (_, name) => () => assert.fail(`the daemon was asked for ${String(name)}`) }) as LabDaemon;

describe('labs check: dockerfile (Shipshape\'s linter)', function () {
  this.timeout(30_000);
  let workspace = '';
  const ctx = () => createCheckContext({ daemon: noDaemon, packRoot: workspace, workspace, checkId: 'lab/step/0' });

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-dockerfile-check-'));
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM busybox:1.36 AS build\nRUN echo hi > /x\nFROM busybox:1.36\nCOPY --from=build /x /x\nCMD ["sh"]\n');
    fs.mkdirSync(path.join(workspace, 'bad'));
    fs.writeFileSync(path.join(workspace, 'bad', 'Dockerfile'), 'FROM busybox:latest\nCMD sh\n');
    fs.mkdirSync(path.join(workspace, 'configured'));
    fs.writeFileSync(path.join(workspace, 'configured', 'Dockerfile'), 'FROM busybox:latest\nCMD ["sh"]\n');
    fs.writeFileSync(path.join(workspace, 'configured', '.hadolint.yaml'), 'ignored: [DL3007]\n');
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('passes: lints clean, multi-stage, final base', async () => {
    const obs = await judge(dockerfile, { file: 'Dockerfile', lintClean: true, multiStage: true, finalBase: 'busybox:1.36' }, ctx());
    assert.ok(passed(obs), JSON.stringify(obs, null, 1));
    assert.equal(field(obs, 'multiStage').actual, '2 FROMs');
  });

  it('passes lintClean of a rule the nearest .hadolint.yaml ignores', async () => {
    assert.ok(passed(await judge(dockerfile, { file: 'configured/Dockerfile', lintClean: ['DL3007'] }, ctx())));
  });

  const failing: FailingCase[] = [
    { title: 'a rule reported', fields: { file: 'bad/Dockerfile', lintClean: ['DL3007'] }, field: 'lintClean', expected: 'none of DL3007 reported', actual: /^DL3007 \(line 1: .*latest.*\)$/, hint: /shipshape lint bad\/Dockerfile/ },
    { title: 'warnings reported', fields: { file: 'bad/Dockerfile', lintClean: true }, field: 'lintClean', expected: 'no error or warning findings', actual: /DL3007 \(line 1: .*\) and DL3025 \(line 2: /, hint: /fix what it reports/ },
    { title: 'a single stage', fields: { file: 'bad/Dockerfile', multiStage: true }, field: 'multiStage', expected: 'more than one FROM', actual: '1 FROM', hint: /COPY --from=build/ },
    { title: 'another final base', fields: { file: 'Dockerfile', finalBase: { contains: 'alpine' } }, field: 'finalBase', expected: 'final stage FROM to contain "alpine"', actual: 'FROM busybox:1.36', hint: /last FROM of Dockerfile/ },
    { title: 'a file that is not there', fields: { file: 'web/Dockerfile', multiStage: true }, field: 'file', expected: 'web/Dockerfile in the workspace', actual: 'no file web/Dockerfile', hint: /create web\/Dockerfile/ },
  ];
  itFails(dockerfile, failing, ctx);

  it('refuses an unknown rule id at load, with the nearest one', () => {
    assert.deepEqual(dockerfile.validate!({ file: 'Dockerfile', lintClean: ['DL3OO7'] }), [{ field: 'lintClean', message: 'unknown rule id "DL3OO7"', hint: 'did you mean "DL3007"?' }]);
  });
});

describe('labs check: script (/bin/sh)', () => {
  const ctx = () => createCheckContext({ daemon: noDaemon, packRoot: os.tmpdir(), checkId: 'lab/step/0', dockerHost: 'unix:///run/lab.sock' });

  it('passes: exit status 0 and the output, with DOCKER_HOST from the context', async () => {
    const obs = await judge(script, { script: 'echo "host=$DOCKER_HOST"', stdout: 'host=unix:///run/lab.sock' }, ctx());
    assert.ok(passed(obs), JSON.stringify(obs));
  });

  it('fails: another exit status, with the end of its error output', async () => {
    const o = field(await judge(script, { script: 'echo "no container web" >&2; exit 1' }, ctx()), 'exitCode');
    assert.deepEqual([o.ok, o.expected, o.actual], [false, 'exit status 0', 'exit status 1: no container web']);
  });

  it('fails: output without the text', async () => {
    const o = field(await judge(script, { script: 'echo pong', stdout: { contains: 'ping' } }, ctx()), 'stdout');
    assert.deepEqual([o.ok, o.expected, o.actual], [false, 'output to contain "ping"', 'output "pong"']);
  });

  it('is marked as needing trust', () => assert.equal(script.meta.needsTrust, true));
});
