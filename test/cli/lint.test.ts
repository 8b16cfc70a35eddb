// The bundled CLI (dist/cli.js) as CI runs it: formats, exit codes, configuration, discovery.
import assert from 'node:assert/strict';
import { assertValidSarif, project, shipshape as cli } from './cli';

const shipshape = (args: string[], options: { cwd?: string; input?: string } = {}) => cli(['lint', ...args], options);

const BAD = 'FROM debian\nRUN apt-get install -y curl\nCMD run\n';
const CLEAN = 'FROM debian:12\nCMD ["run"]\n';

describe('shipshape lint', () => {
  it('--format json prints 1-based findings with every documented field and exits 1', () => {
    const dir = project({ Dockerfile: BAD });
    const run = shipshape(['--format', 'json', 'Dockerfile'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    const dl3008 = findings.find((f) => f.code === 'DL3008');
    assert.deepEqual(dl3008, {
      file: 'Dockerfile', line: 2, column: 24, endLine: 2, endColumn: 28, code: 'DL3008', aliases: [], severity: 'warning',
      message: 'Pin versions in apt-get install: instead of `curl` use `curl=<version>`', fixable: false,
    });
    assert.deepEqual(findings.find((f) => f.code === 'DL3025')?.aliases, ['JSONArgsRecommended']);
  });

  it('exits 0 on a clean file and says so', () => {
    const dir = project({ Dockerfile: CLEAN });
    const run = shipshape(['Dockerfile'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '1 file checked, no problems\n');
  });

  it('searches a folder for Dockerfile-like names, skipping node_modules, and lints an explicit path whatever its name', () => {
    const dir = project({
      'Dockerfile': CLEAN, 'svc/Containerfile': BAD, 'svc/api.dockerfile': BAD, 'svc/Dockerfile.dev': BAD, 'svc/Dockerfile.dockerignore': 'x',
      'node_modules/pkg/Dockerfile': BAD, 'notes.txt': BAD, 'build/recipe': BAD,
    });
    const run = shipshape(['--format', 'json', '.', 'build/recipe'], { cwd: dir });
    const files = [...new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file))].sort();
    assert.deepEqual(files, ['build/recipe', 'svc/Containerfile', 'svc/Dockerfile.dev', 'svc/api.dockerfile']);
  });

  it('reads standard input for -', () => {
    const run = shipshape(['--format', 'json', '-'], { input: 'FROM debian\n' });
    assert.deepEqual((JSON.parse(run.stdout) as { file: string; code: string }[]).map((f) => [f.file, f.code]), [['-', 'DL3006']]);
  });

  it('honours the nearest .hadolint.yaml: ignored rules, overrides and the failure threshold', () => {
    const dir = project({ '.hadolint.yaml': 'ignored: [DL3008]\noverride:\n  style: [DL3006, DL3025]\nfailure-threshold: warning\n', 'svc/Dockerfile': BAD });
    const run = shipshape(['--format', 'json', 'svc/Dockerfile'], { cwd: dir });
    const findings = JSON.parse(run.stdout) as { code: string; severity: string }[];
    assert.ok(!findings.some((f) => f.code === 'DL3008'));
    assert.deepEqual(findings.filter((f) => f.code === 'DL3006' || f.code === 'DL3025').map((f) => f.severity), ['style', 'style']);
    assert.equal(run.status, findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0);
  });

  it('--ignore, --failure-threshold and --no-fail change the findings and the exit code', () => {
    const dir = project({ Dockerfile: 'FROM debian\n' });
    assert.equal(shipshape(['--ignore', 'DL3006', 'Dockerfile'], { cwd: dir }).status, 0);
    assert.equal(shipshape(['--failure-threshold', 'error', 'Dockerfile'], { cwd: dir }).status, 0);
    assert.equal(shipshape(['--failure-threshold', 'warning', 'Dockerfile'], { cwd: dir }).status, 1);
    assert.equal(shipshape(['--no-fail', 'Dockerfile'], { cwd: dir }).status, 0);
  });

  it('exits 2 with file:line:col and a hint for a bad --config', () => {
    const dir = project({ 'lint.yaml': 'ignored: [DL3006]\nfailure_threshold: error\n', Dockerfile: CLEAN });
    const run = shipshape(['--config', 'lint.yaml', 'Dockerfile'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /lint\.yaml:2:1: unknown key "failure_threshold" in the top level\n {2}hint: did you mean "failure-threshold"\?/);
  });

  it('exits 2 for an unknown format, a bad threshold, a missing path, or no path', () => {
    const dir = project({ Dockerfile: CLEAN });
    assert.match(shipshape(['--format', 'html', 'Dockerfile'], { cwd: dir }).stderr, /--format must be one of tty, json, sarif, checkstyle, junit, codeclimate, github/);
    assert.equal(shipshape(['--failure-threshold', 'fatal', 'Dockerfile'], { cwd: dir }).status, 2);
    const missing = shipshape(['nope/Dockerfile'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\/Dockerfile: no such file or folder/);
    assert.equal(shipshape([], { cwd: dir }).status, 2);
  });

  it('reports a text file that is not a Dockerfile at all (control characters, no NUL) as findings, never a crash', () => {
    const dir = project({ 'Dockerfile': '\u0001\u0002 garbage {{{\n' + 'x'.repeat(10000) });
    const run = shipshape(['--format', 'json', 'Dockerfile'], { cwd: dir });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.ok(Array.isArray(JSON.parse(run.stdout)));
  });

  it('--format sarif validates against the official SARIF 2.1.0 schema and carries rules and fixes', () => {
    const dir = project({ Dockerfile: BAD });
    const run = shipshape(['--format', 'sarif', 'Dockerfile'], { cwd: dir });
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; ruleIndex: number; fixes: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    assertValidSarif(log);
    const result = log.runs[0]!.results.find((r) => r.ruleId === 'DL3025')!;
    assert.equal(log.runs[0]!.tool.driver.rules[result.ruleIndex]!.id, 'DL3025');
    assert.equal(result.fixes[0]!.artifactChanges[0]!.replacements[0]!.insertedContent.text, '["run"]');
  });

  it('--format checkstyle, junit, codeclimate and github print their formats', () => {
    const dir = project({ Dockerfile: 'FROM debian\n' });
    const out = (format: string) => shipshape(['--format', format, 'Dockerfile'], { cwd: dir }).stdout;
    assert.match(out('checkstyle'), /<file name="Dockerfile">\n {4}<error line="1" column="6" severity="warning" message="Always tag the version of an image explicitly: debian means debian:latest" source="DL3006"\/>/);
    assert.match(out('junit'), /<testsuites name="shipshape lint" tests="1" failures="1">[\s\S]*<failure type="warning"/);
    const cc = JSON.parse(out('codeclimate'));
    assert.deepEqual([cc[0].check_name, cc[0].severity, cc[0].location.positions.begin], ['DL3006', 'major', { line: 1, column: 6 }]);
    assert.match(cc[0].fingerprint, /^[0-9a-f]{32}$/);
    assert.equal(out('github'), '::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=12,title=DL3006::DL3006 Always tag the version of an image explicitly%3A debian means debian%3Alatest\n'.replace('explicitly%3A debian means debian%3Alatest', 'explicitly: debian means debian:latest'));
  });
});
