import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, findHadolintConfig, formatProblem, parseHadolintConfig, readHadolintConfig } from '../../../src/core/lint/hadolint-config';
import { RuleIds } from '../../../src/core/lint/rule-ids';
import { allRules } from '../../../src/core/lint/rules';

function problemsOf(text: string): string[] {
  try {
    parseHadolintConfig(text, '.hadolint.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map(formatProblem);
  }
  assert.fail('expected a ConfigError');
}

describe('core/lint/hadolint-config', () => {
  it('reads every hadolint key into the lint config', () => {
    const config = parseHadolintConfig(
      [
        'ignored: [DL3008, SC2086]',
        'override:',
        '  error: [DL3006]',
        '  info:',
        '    - DL3059',
        'trustedRegistries: [docker.io, ghcr.io]',
        'label-schema:',
        '  maintainer: email',
        '  version: semver',
        'strict-labels: true',
        'disable-ignore-pragma: true',
        'failure-threshold: warning',
        'no-fail: true',
        'format: json',
        '',
      ].join('\n'),
      'x.yaml',
    );
    assert.deepEqual(config, {
      ignored: ['DL3008', 'SC2086'],
      override: { error: ['DL3006'], info: ['DL3059'] },
      trustedRegistries: ['docker.io', 'ghcr.io'],
      labelSchema: { maintainer: 'email', version: 'semver' },
      strictLabels: true,
      disableIgnorePragma: true,
      failureThreshold: 'warning',
      noFail: true,
    });
  });

  it('treats failure-threshold "ignore" as never failing', () => {
    assert.equal(parseHadolintConfig('failure-threshold: ignore\n', 'x').failureThreshold, 'none');
  });

  it('accepts an empty file', () => {
    assert.deepEqual(parseHadolintConfig('', 'x'), {});
  });

  it('names an unknown key with file:line:col and suggests the close one', () => {
    assert.deepEqual(problemsOf('ignored: [DL3008]\ntrusted-registries:\n  - docker.io\n'), [
      '.hadolint.yaml:2:1: unknown key "trusted-registries" in the top level\n  hint: did you mean "trustedRegistries"?',
    ]);
  });

  it('points at a bad value inside a nested list', () => {
    const [problem] = problemsOf('override:\n  warning:\n    - DL3008\n  fatal: [DL3006]\n');
    assert.match(problem!, /^\.hadolint\.yaml:4:3: unknown key "fatal" in override\n {2}hint: known keys: error, warning, info, style$/);
  });

  it('rejects a bad failure-threshold and a bad label type with their positions', () => {
    const problems = problemsOf('failure-threshold: fatal\nlabel-schema:\n  author: person\n');
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^\.hadolint\.yaml:1:20: failure-threshold must be one of error, warning, info, style, ignore, none/);
    assert.match(problems[1]!, /^\.hadolint\.yaml:3:11: label-schema\.author must be one of text, url, spdx, hash, rfc3339, semver, email/);
  });

  it('says when a list was given as a string', () => {
    assert.match(problemsOf('ignored: DL3008\n')[0]!, /^\.hadolint\.yaml:1:10: ignored must be a list\n {2}hint: write it as a YAML list/);
  });

  it('reports YAML syntax errors with their line', () => {
    assert.match(problemsOf('ignored:\n  - DL3008\n - DL3009\n')[0]!, /^\.hadolint\.yaml:3:\d+: YAML: /);
  });

  it('reports several mistakes in file order', () => {
    const problems = problemsOf('ignored: DL3008\nfailure-threshold: fatal\nbogus: 1\noverride:\n  fatal: []\n');
    assert.deepEqual(problems.map((p) => p.split(':').slice(1, 3).join(':')), ['1:10', '2:20', '3:1', '5:3']);
  });

  it('warns on unknown rule ids in ignored and override lists at their position, with the nearest known id', () => {
    const ids = RuleIds.of(allRules);
    const { config, problems } = readHadolintConfig('ignored: [DL3008, DL3099, SC2086, JSONArgsRecommended]\noverride:\n  error:\n    - DL3006\n    - DL9999\n', '.hadolint.yaml', ids);
    assert.deepEqual(config.ignored, ['DL3008', 'DL3099', 'SC2086', 'JSONArgsRecommended']);
    assert.deepEqual(problems.map((p) => [p.severity, formatProblem(p)]), [
      ['warning', '.hadolint.yaml:1:19: unknown rule id "DL3099" in ignored\n  hint: did you mean "DL3009"?'],
      ['warning', '.hadolint.yaml:5:7: unknown rule id "DL9999" in override.error\n  hint: no rule has this id; see docs/rules.md for the list'],
    ]);
  });

  it('accepts every rule id, alias and any ShellCheck code without a word', () => {
    const ids = RuleIds.of(allRules);
    const every = allRules.flatMap((r) => [r.meta.id, ...(r.meta.aliases ?? [])]);
    assert.deepEqual(readHadolintConfig(`ignored: [${[...every, 'SC1000', 'SC9999'].join(', ')}]\n`, 'x', ids).problems, []);
  });

  it('finds the nearest config upward, then the per-user one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cfg-'));
    const deep = path.join(root, 'repo', 'svc', 'api');
    fs.mkdirSync(deep, { recursive: true });
    const home = path.join(root, 'home');
    fs.mkdirSync(path.join(home, '.config'), { recursive: true });
    fs.writeFileSync(path.join(home, '.config', 'hadolint.yaml'), 'ignored: [DL3006]\n');
    assert.equal(findHadolintConfig(deep, { home, xdgConfigHome: path.join(home, '.config') }), path.join(home, '.config', 'hadolint.yaml'));
    fs.writeFileSync(path.join(root, 'repo', '.hadolint.yml'), 'ignored: [DL3008]\n');
    assert.equal(findHadolintConfig(deep, { home }), path.join(root, 'repo', '.hadolint.yml'));
    fs.writeFileSync(path.join(root, 'repo', 'svc', '.hadolint.yaml'), 'ignored: []\n');
    assert.equal(findHadolintConfig(deep, { home }), path.join(root, 'repo', 'svc', '.hadolint.yaml'));
    const found = path.join(root, 'repo', '.hadolint.yml');
    assert.deepEqual(readHadolintConfig(fs.readFileSync(found, 'utf8'), found).config.ignored, ['DL3008']);
  });
});
