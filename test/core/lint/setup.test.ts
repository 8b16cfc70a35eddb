import assert from 'node:assert/strict';
import { Linter } from '../../../src/core/lint/engine';
import { LintHost, LintOverrides, LintSetup } from '../../../src/core/lint/setup';
import type { ShellcheckRunner } from '../../../src/core/lint/shellcheck';

/** Files in memory; a path mapped to an Error exists but cannot be read. Counts reads. */
function host(files: Record<string, string | Error>, shellcheck?: ShellcheckRunner): LintHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    exists: (f) => f in files,
    read: (f) => {
      reads.push(f);
      const content = files[f];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${f}'`);
      if (content instanceof Error) throw content;
      return content;
    },
    home: '/home/u',
    shellcheck: (setting) => (setting === 'off' ? undefined : shellcheck),
  };
}

describe('core/lint/setup', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create()));
  const setupOf = (files: Record<string, string | Error>, overrides?: LintOverrides, shellcheck?: ShellcheckRunner) => new LintSetup(linter, host(files, shellcheck), overrides);
  const codes = async (s: LintSetup, file: string | undefined, text: string) => (await s.forDockerfile(file).lint(text)).findings.map((f) => f.code);

  it('finds the nearest .hadolint.yaml upward and layers the overrides on it', async () => {
    const s = setupOf({ '/p/.hadolint.yaml': 'ignored: [DL3006]\n' }, { ignore: ['DL3025'], severities: { DL3000: 'style' } });
    const setup = s.forDockerfile('/p/svc/Dockerfile');
    assert.equal(setup.configFile, '/p/.hadolint.yaml');
    assert.deepEqual(setup.config.ignored, ['DL3006', 'DL3025']);
    assert.deepEqual(await codes(s, '/p/svc/Dockerfile', 'FROM debian\nWORKDIR app\nCMD run\n'), ['DL3000']);
  });

  it('an explicit config file replaces the search; without a file or folder only the overrides apply', () => {
    const s = setupOf({ '/p/.hadolint.yaml': 'ignored: [DL3006]\n', '/cfg.yaml': 'ignored: [DL3008]\n' }, { configFile: '/cfg.yaml' });
    assert.deepEqual(s.forDockerfile('/p/Dockerfile').config.ignored, ['DL3008']);
    assert.deepEqual(setupOf({ '/p/.hadolint.yaml': 'ignored: [DL3006]\n' }).forDockerfile(undefined).config.ignored, []);
  });

  it('a config that cannot be read is a problem naming its path, and the Dockerfile is linted with the defaults', async () => {
    const s = setupOf({ '/p/.hadolint.yaml': new Error("EISDIR: illegal operation on a directory, read") });
    const setup = s.forDockerfile('/p/Dockerfile');
    assert.deepEqual(setup.problems.map((p) => [p.file, p.severity, p.unreadable, p.message]), [['/p/.hadolint.yaml', 'error', true, 'cannot read: EISDIR: illegal operation on a directory, read']]);
    assert.deepEqual(await codes(s, '/p/Dockerfile', 'FROM debian\n'), ['DL3006']);
  });

  it('a .dockerignore that cannot be read is a problem naming its path; the rest is linted', async () => {
    const s = setupOf({ '/p/.dockerignore': new Error('EISDIR') });
    const setup = s.forDockerfile('/p/Dockerfile');
    assert.equal(setup.buildContext, undefined);
    assert.deepEqual(setup.problems.map((p) => [p.file, p.unreadable]), [['/p/.dockerignore', true]]);
    assert.deepEqual(await codes(s, '/p/Dockerfile', 'FROM debian\nCOPY x /x\n'), ['DL3006']);
  });

  it('reads <Dockerfile>.dockerignore first, then .dockerignore in the build context given', async () => {
    const text = 'FROM debian:12\nCOPY secret.txt /x\n';
    assert.deepEqual(await codes(setupOf({ '/p/Dockerfile.dockerignore': 'secret.txt\n', '/p/.dockerignore': '' }), '/p/Dockerfile', text), ['CopyIgnoredFile']);
    assert.deepEqual(await codes(setupOf({ '/ctx/.dockerignore': 'secret.txt\n' }, { buildContextDir: '/ctx' }), '/p/Dockerfile', text), ['CopyIgnoredFile']);
    assert.deepEqual(await codes(setupOf({ '/ctx/.dockerignore': 'secret.txt\n' }), '/p/Dockerfile', text), []);
  });

  it('keeps the other rules\' findings when ShellCheck fails, and says why once per lint', async () => {
    const failing: ShellcheckRunner = () => Promise.reject(new Error('shellcheck failed: boom'));
    const s = setupOf({}, {}, failing);
    const outcome = await s.forDockerfile('/p/Dockerfile').lint('FROM debian\nRUN ls $HOME\n');
    assert.deepEqual(outcome.findings.map((f) => f.code), ['DL3006']);
    assert.equal(outcome.shellcheckFailure, 'shellcheck failed: boom');
    assert.equal((await setupOf({}, { shellcheck: 'off' }, failing).forDockerfile('/p/Dockerfile').lint('FROM debian\nRUN ls\n')).shellcheckFailure, undefined);
  });

  it('reads each file once until invalidate()', () => {
    const h = host({ '/p/.hadolint.yaml': 'ignored: [DL3006]\n', '/p/.dockerignore': 'x\n' });
    const s = new LintSetup(linter, h);
    s.forDockerfile('/p/Dockerfile');
    s.forDockerfile('/p/Dockerfile');
    s.forDockerfile('/p/Dockerfile.dev');
    assert.deepEqual(h.reads.sort(), ['/p/.dockerignore', '/p/.hadolint.yaml']);
    s.invalidate();
    s.forDockerfile('/p/Dockerfile');
    assert.equal(h.reads.length, 4);
  });

  it('warns on unknown ids given to ignore, with the nearest one; aliases and any SC code are fine', () => {
    const s = setupOf({}, { ignore: ['DL3099', 'JSONArgsRecommended', 'SC2086', 'SC1234', 'NoSuchThing'] });
    assert.deepEqual(s.warnings, ['unknown rule id "DL3099": did you mean "DL3009"?', 'unknown rule id "NoSuchThing": no rule has this id; see docs/rules.md for the list']);
  });

  it('reports an unknown id in ignore pragmas and check=skip on the id, and no known one', async () => {
    const s = setupOf({});
    const text = '# check=skip=JSONArgsRecommended,StageNameCasng\nFROM debian:12\n# hadolint global ignore=DL3099\n# hadolint ignore=SC2086,DL3008,Nope\nRUN true\n';
    const outcome = await s.forDockerfile(undefined).lint(text);
    assert.deepEqual(
      outcome.findings.filter((f) => f.code === 'UnknownRuleId').map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${f.severity} ${f.message}`),
      [
        '1:34-48 warning Unknown rule id "StageNameCasng" in `# check skip`: it silences nothing (did you mean "StageNameCasing"?)',
        '3:26-32 warning Unknown rule id "DL3099" in `# hadolint global ignore`: it silences nothing (did you mean "DL3009"?)',
        '4:33-37 warning Unknown rule id "Nope" in `# hadolint ignore`: it silences nothing (no rule has this id; see docs/rules.md for the list)',
      ],
    );
    assert.deepEqual((await setupOf({}, { ignore: ['UnknownRuleId'] }).forDockerfile(undefined).lint(text)).findings.filter((f) => f.code === 'UnknownRuleId'), []);
    const above = await s.forDockerfile(undefined).lint('FROM debian:12\n# check=skip=SecretsUsedInArgOrEnv,SecretUsed // a reason, not ids\nENV password=x\n');
    assert.deepEqual(
      above.findings.filter((f) => f.code === 'UnknownRuleId').map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${f.message.split(':')[0]}`),
      ['2:36-46 Unknown rule id "SecretUsed" in `# check skip`'],
      'a check comment above an instruction is read too, up to its first space',
    );
    const silenced = `# hadolint global ignore=UnknownRuleId\n${text}`;
    assert.deepEqual((await s.forDockerfile(undefined).lint(silenced)).findings.filter((f) => f.code === 'UnknownRuleId'), [], 'the "ignore in this file" quick fix works');
  });
});
