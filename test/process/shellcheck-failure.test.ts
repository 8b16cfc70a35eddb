// A ShellCheck that fails or hangs (fake executables: what is under test is our handling of the process).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from '../../src/core/lint/engine';
import { LintSetup } from '../../src/core/lint/setup';
import { nodeLintHost } from '../../src/process/lint-host';

/** An executable shell script in a fresh folder. */
export function fakeShellcheck(body: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-fake-sc-')), 'shellcheck');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const TEXT = 'FROM debian\nRUN ls $HOME\n';

describe('a failing ShellCheck (fake executables)', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create()));

  it('one that exits non-zero without output: the other rules\' findings stay, the failure is reported with its message', async () => {
    const binary = fakeShellcheck('echo "cannot parse" >&2; exit 3');
    const outcome = await new LintSetup(linter, nodeLintHost(), { shellcheck: binary }).forDockerfile('/nowhere/Dockerfile').lint(TEXT);
    assert.deepEqual(outcome.findings.map((f) => f.code), ['DL3006']);
    assert.equal(outcome.shellcheckFailure, `shellcheck (${binary}) failed: cannot parse`);
  });

  it('one that hangs past the timeout: killed, the failure says so, the findings stay', async () => {
    const binary = fakeShellcheck('exec sleep 30');
    const started = Date.now();
    const outcome = await new LintSetup(linter, nodeLintHost({ shellcheckTimeoutMs: 300 }), { shellcheck: binary }).forDockerfile('/nowhere/Dockerfile').lint(TEXT);
    assert.ok(Date.now() - started < 10_000);
    assert.deepEqual(outcome.findings.map((f) => f.code), ['DL3006']);
    assert.equal(outcome.shellcheckFailure, `shellcheck (${binary}) timed out after 300 ms`);
  });

  it('the CLI prints the findings, warns once on standard error, and exits as the findings say', () => {
    const binary = fakeShellcheck('echo "cannot parse" >&2; exit 3');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-cli-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), TEXT);
    fs.writeFileSync(path.join(dir, 'Containerfile'), 'FROM debian:12\nRUN ls $HOME\n');
    const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--shellcheck', binary, '.'], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual((JSON.parse(run.stdout) as { file: string; code: string }[]).map((f) => `${f.file} ${f.code}`), ['Dockerfile DL3006']);
    assert.equal(run.stderr, `shipshape lint: warning: shellcheck (${binary}) failed: cannot parse; ShellCheck's findings are missing, the other rules ran\n`);
    assert.equal(run.status, 1);
  });
});
