// Batched ShellCheck with the real binary: what an editor re-lint and a CLI run cost in processes, and what a
// ShellCheck that crashes, hangs or prints garbage on one script costs. The misbehaving ones are wrappers written
// for the test around Debian's shellcheck: they misbehave only when a script holds a marker word.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from '../../src/core/lint/engine';
import { LintSetup } from '../../src/core/lint/setup';
import { nodeLintHost } from '../../src/process/lint-host';
import { findShellcheck, shellcheckRunner } from '../../src/process/shellcheck';
import { fakeShellcheck } from './shellcheck-failure.test';

const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

/**
 * A wrapper that logs each run's arguments (one line per process) to `log`, then runs the real shellcheck; with
 * `marker`, a run given a script file that holds the marker does `misbehave` instead.
 */
function wrapper(real: string, log: string, marker = '', misbehave = ''): string {
  const check = marker ? `for f in "$@"; do case "$f" in *.sh) if grep -q ${marker} "$f"; then ${misbehave}; fi;; esac; done` : '';
  return fakeShellcheck(`echo "$*" >> '${log}'\n${check}\nexec '${real}' "$@"`);
}

/** The processes a wrapper logged that checked scripts (not the version probe), each as its number of script files. */
function runs(log: string): number[] {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').trim().split('\n').filter((l) => l && l !== '--version').map((l) => l.split(' ').filter((a) => a.endsWith('.sh')).length);
}

const codes = (findings: { code: string; range: { start: { line: number } } }[]) => findings.map((f) => `${f.range.start.line + 1} ${f.code}`);

describe('batched ShellCheck (real shellcheck binary)', () => {
  let linter: Linter;
  let real: string;
  let dir: string;
  before(async () => {
    real = findShellcheck('')!;
    assert.ok(real, "shellcheck is on PATH (scripts/test.mjs installs Debian's)");
    linter = await Linter.create();
  });
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-scb-'))));

  it('a Dockerfile without RUN runs no ShellCheck process at all, not even its version probe', async () => {
    const log = path.join(dir, 'log');
    const setup = new LintSetup(linter, nodeLintHost(), { shellcheck: wrapper(real, log) }).forDockerfile(path.join(dir, 'Dockerfile'));
    await setup.lint('FROM debian:12\nCMD ["true"]\n');
    assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '');
    await setup.lint('FROM debian:12\nRUN ls $HOME\n');
    assert.deepEqual(fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => (l === '--version' ? l : 'check')), ['--version', 'check']);
  });

  it('an editor re-lint after an edit in one RUN checks only that RUN, in one process; an edit elsewhere runs none', async () => {
    const log = path.join(dir, 'log');
    const setup = new LintSetup(linter, nodeLintHost(), { shellcheck: wrapper(real, log) }).forDockerfile(path.join(dir, 'Dockerfile'));
    const text = 'FROM debian:12\nRUN ls $HOME\nRUN echo $PATH\nRUN cd /tmp; ls\nENV A=1\n';
    const first = codes((await setup.lint(text)).findings);
    assert.ok(first.includes('2 SC2086') && first.includes('3 SC2086') && first.includes('4 SC2164'), first.join(', '));
    assert.deepEqual(codes((await setup.lint(text)).findings), first);
    // The three RUNs shared out over the two cores' processes; the same text again: none.
    assert.deepEqual(runs(log).sort(), os.availableParallelism() > 1 ? [1, 2] : [3]);
    const before = runs(log).length;
    const edited = text.replace('echo $PATH', 'echo $TERM');
    const after = (await setup.lint(edited)).findings;
    assert.deepEqual(runs(log).slice(before), [1]);
    assert.ok(codes(after).includes('3 SC2086'), codes(after).join(', '));
    await setup.lint(edited.replace('ENV A=1', 'ENV A=2'));
    assert.deepEqual(runs(log).slice(before), [1], 'an ENV edit that no RUN names re-checks nothing');
  });

  it('the CLI over many files runs a few processes, and checks a script that several files share once', () => {
    const log = path.join(dir, 'log');
    for (let i = 0; i < 40; i++) {
      fs.mkdirSync(path.join(dir, `app${i}`));
      fs.writeFileSync(path.join(dir, `app${i}`, 'Dockerfile'), `FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN echo build ${i} $HOME\n`);
    }
    const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--jobs', '1', '--shellcheck', wrapper(real, log), dir], { encoding: 'utf8' });
    const found = JSON.parse(run.stdout) as { file: string; code: string }[];
    assert.equal(found.filter((f) => f.code === 'SC2086').length, 40, run.stderr);
    const processes = runs(log);
    assert.equal(processes.reduce((a, b) => a + b, 0), 41, `41 distinct scripts (the apt-get one once), in ${processes.join('+')}`);
    assert.ok(processes.length <= 6, `${processes.length} processes`);
  });

  it('a ShellCheck that crashes on one script: that RUN loses its findings, the other RUNs and rules keep theirs, the failure is said once', async () => {
    const binary = wrapper(real, path.join(dir, 'log'), 'CRASHME', 'echo "internal error" >&2; exit 2');
    const outcome = await new LintSetup(linter, nodeLintHost(), { shellcheck: binary }).forDockerfile(path.join(dir, 'Dockerfile'))
      .lint('FROM debian\nRUN ls $HOME\nRUN echo CRASHME $x\nRUN echo $TERM\n');
    assert.deepEqual(codes(outcome.findings), ['1 DL3006', '2 SC2086', '3 DL3059', '4 DL3059', '4 SC2086']);
    assert.equal(outcome.shellcheckFailure, `shellcheck (${binary}) failed: internal error`);
  });

  it('a ShellCheck that hangs on one script is killed at the timeout; only that RUN loses its findings', async function () {
    this.timeout(20_000);
    const binary = wrapper(real, path.join(dir, 'log'), 'HANGME', 'exec sleep 30');
    const started = Date.now();
    const outcome = await new LintSetup(linter, nodeLintHost({ shellcheckTimeoutMs: 1500 }), { shellcheck: binary }).forDockerfile(path.join(dir, 'Dockerfile'))
      .lint('FROM debian\nRUN ls $HOME\nRUN echo HANGME\nRUN echo $TERM\n');
    assert.deepEqual(codes(outcome.findings), ['1 DL3006', '2 SC2086', '3 DL3059', '4 DL3059', '4 SC2086']);
    assert.equal(outcome.shellcheckFailure, `shellcheck (${binary}) timed out after 1500 ms`);
    assert.ok(Date.now() - started < 10_000);
  });

  it('a ShellCheck that prints something other than its JSON on one script: that RUN alone is missing, and the output is quoted', async () => {
    const binary = wrapper(real, path.join(dir, 'log'), 'GARBLE', 'echo "{not json"; exit 1');
    const outcome = await new LintSetup(linter, nodeLintHost(), { shellcheck: binary }).forDockerfile(path.join(dir, 'Dockerfile'))
      .lint('FROM debian\nRUN ls $HOME\nRUN echo GARBLE\n');
    assert.deepEqual(codes(outcome.findings), ['1 DL3006', '2 SC2086', '3 DL3059']);
    assert.equal(outcome.shellcheckFailure, `shellcheck (${binary}) printed something that is not its output: "{not json"`);
  });

  it('a script larger than one argument may be (300 KB) is checked through its temp file, findings at their Dockerfile line', async () => {
    const big = Array.from({ length: 6000 }, (_, i) => `    echo line${i} padding-to-make-it-long-enough-to-matter \\`).join('\n');
    const text = `FROM debian:12\nRUN true && \\\n${big}\n    && ls $HOME\n`;
    assert.ok(text.length > 300_000);
    const runner = shellcheckRunner(real);
    const { findings } = await linter.withRules([]).lintWithShellcheck(text, {}, runner);
    assert.deepEqual(codes(findings).filter((c) => c.endsWith('SC2086')), ['6003 SC2086']);
    assert.equal(runner.batches.processes, 1);
  });
});
