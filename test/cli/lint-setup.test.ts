// `shipshape lint` warnings from the shared lint setup: unknown rule ids, on standard error, exit code unchanged.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
function lintIn(files: Record<string, string>, args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-lint-setup-'));
  for (const [rel, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, rel), text);
  return spawnSync(process.execPath, [cli, 'lint', '--no-shellcheck', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('shipshape lint: unknown rule ids', () => {
  it('--ignore with an unknown id warns naming the nearest id; an alias or an SC code does not', () => {
    const run = lintIn({ Dockerfile: 'FROM debian:12\n' }, ['--ignore', 'DL3099', '--ignore', 'JSONArgsRecommended', '--ignore', 'SC2086', 'Dockerfile']);
    assert.equal(run.stderr, 'shipshape lint: warning: --ignore unknown rule id "DL3099": did you mean "DL3009"?\n');
    assert.equal(run.status, 0);
  });

  it('an unknown id in .hadolint.yaml is a warning at file:line:col, and the config is still used', () => {
    const run = lintIn({ '.hadolint.yaml': 'ignored:\n  - DL3006\n  - DL3099\n', Dockerfile: 'FROM debian\n' }, ['Dockerfile']);
    assert.match(run.stderr, /^shipshape lint: warning: \/.*\/\.hadolint\.yaml:3:5: unknown rule id "DL3099" in ignored\n {2}hint: did you mean "DL3009"\?\n$/);
    assert.equal(run.status, 0, run.stdout);
  });

  it('an unknown id in a pragma is a finding on the pragma', () => {
    const run = lintIn({ Dockerfile: 'FROM debian:12\n# hadolint ignore=DL3099\nRUN true\n' }, ['--format', 'json', 'Dockerfile']);
    assert.deepEqual((JSON.parse(run.stdout) as { code: string; line: number; column: number }[]).map((f) => [f.code, f.line, f.column]), [['UnknownRuleId', 2, 19]]);
  });
});
