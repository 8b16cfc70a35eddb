// The linter with Debian's real shellcheck binary (installed by scripts/test.mjs).
import assert from 'node:assert/strict';
import { Linter, LintOptions } from '../../src/core/lint/engine';
import { applyFixes } from '../../src/core/lint/fixes';
import { findShellcheck, shellcheckRunner } from '../../src/process/shellcheck';

describe('ShellCheck integration (real shellcheck binary)', () => {
  let linter: Linter;
  const binary = findShellcheck('');
  const lint = async (text: string, options: LintOptions = {}) => (await linter.lintWithShellcheck(text, options, shellcheckRunner(binary!))).findings;
  const sc = async (text: string, options?: LintOptions) => (await lint(text, options)).filter((f) => f.source === 'shellcheck').map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${f.code} ${f.severity}`);

  before(async () => {
    assert.ok(binary, 'shellcheck is on PATH (scripts/test.mjs installs Debian\'s)');
    linter = (await Linter.create()).withRules([]);
  });

  it('reports SC findings at the exact word, through line continuations', async () => {
    assert.deepEqual(await sc('FROM debian:12\nRUN echo hi && \\\n    ls $HOME\n'), ['3:8-13 SC2086 info']);
  });

  it('treats ARG and ENV names as defined (no SC2154), like hadolint', async () => {
    assert.deepEqual(await sc('FROM debian:12\nARG mode\nENV level=1\nRUN echo "$mode $level $other"\n'), ['4:24-30 SC2154 warning']);
  });

  it('uses the stage\'s SHELL as the shebang: bash-only syntax passes under bash and is flagged under sh', async () => {
    assert.deepEqual(await sc('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN [[ -n "$HOME" ]] && echo ok\n'), []);
    assert.ok((await sc('FROM debian:12\nRUN [[ -n "$HOME" ]] && echo ok\n')).some((f) => f.includes('SC3010')));
  });

  it('skips PowerShell and exec-form RUN', async () => {
    assert.deepEqual(await sc('FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN echo $x\nFROM debian:12\nRUN ["sh", "-c", "echo $y"]\n'), []);
  });

  it('excludes SC1090 (non-constant source) as hadolint does', async () => {
    assert.deepEqual(await sc('FROM debian:12\nARG x\nRUN . "$x" && true\n'), []);
  });

  it('honours # hadolint ignore=SC2086 and config ignored/override for SC codes', async () => {
    assert.deepEqual(await sc('FROM debian:12\n# hadolint ignore=SC2086\nRUN ls $HOME\n'), []);
    assert.deepEqual(await sc('FROM debian:12\nRUN ls $HOME\n', { config: { ignored: ['SC2086'] } }), []);
    assert.deepEqual(await sc('FROM debian:12\nRUN ls $HOME\n', { config: { override: { error: ['SC2086'] } } }), ['2:8-13 SC2086 error']);
  });

  it('carries ShellCheck\'s own fix, mapped to Dockerfile positions', async () => {
    const text = 'FROM debian:12\nRUN ls \\\n  $HOME\n';
    const finding = (await lint(text)).find((f) => f.code === 'SC2086')!;
    assert.equal(applyFixes(text, [finding.fixes[0]!]), 'FROM debian:12\nRUN ls \\\n  "$HOME"\n');
  });

  it('the CLI reports SC findings when shellcheck is on PATH, and not with --no-shellcheck', async () => {
    const { spawnSync } = await import('node:child_process');
    const path = await import('node:path');
    const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const run = (args: string[]) => spawnSync(process.execPath, [cli, 'lint', '--format', 'json', ...args, '-'], { input: 'FROM debian:12\nRUN ls $HOME\n', encoding: 'utf8' });
    assert.ok((JSON.parse(run([]).stdout) as { code: string }[]).some((f) => f.code === 'SC2086'));
    assert.ok(!(JSON.parse(run(['--no-shellcheck']).stdout) as { code: string }[]).some((f) => f.code === 'SC2086'));
  });
});
