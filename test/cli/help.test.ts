// Help, usage mistakes and flag spellings, the same for every command (no daemon needed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cliPath, project, shipshape } from './cli';

describe('shipshape help and usage', () => {
  for (const command of ['lint', 'ps', 'internals']) {
    it(`${command} --help exits 0 with its usage, every flag and an example on stdout`, () => {
      const run = shipshape([command, '--help']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, new RegExp(`^shipshape ${command}: `));
      assert.match(run.stdout, new RegExp(`\\nUsage: shipshape ${command} \\[options\\]`));
      assert.match(run.stdout, /\n {2}-f, --format FORMAT +output format: tty, json/);
      assert.match(run.stdout, /\n {2}-h, --help +show this help\n/);
      assert.match(run.stdout, new RegExp(`\\nExamples?:\\n {2}shipshape ${command}`));
    });
  }

  it('-h is --help, wins over other flags, and `shipshape help lint` prints the same', () => {
    const help = shipshape(['lint', '--help']).stdout;
    assert.equal(shipshape(['lint', '--format', 'nope', '--frob', '-h']).stdout, help);
    const viaHelp = shipshape(['help', 'lint']);
    assert.equal(viaHelp.status, 0);
    assert.equal(viaHelp.stdout, help);
  });

  it('lint --help lists its own flags', () => {
    const { stdout } = shipshape(['lint', '--help']);
    for (const flag of ['--config FILE', '--ignore RULE', '--trusted-registry REGISTRY', '-t, --failure-threshold LEVEL', '--no-fail', '--build-context DIR', '--shellcheck PATH', '--no-shellcheck', '--no-color', '--docker']) {
      assert.ok(stdout.includes(flag), flag);
    }
    assert.match(stdout, /--context DIR +deprecated: use --build-context/);
  });

  it('ps and internals take -H/--host and -c/--context for the Docker daemon', () => {
    for (const command of ['ps', 'internals']) {
      const { stdout } = shipshape([command, '--help']);
      assert.match(stdout, /-H, --host URL/);
      assert.match(stdout, /-c, --context NAME +the Docker context/);
    }
    const run = shipshape(['ps', '-c', 'shipshape-no-such-context']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^shipshape ps: Docker context "shipshape-no-such-context" not found/);
  });

  it('--help and help list every command and exit 0; no command at all prints the same on stderr and exits 2', () => {
    const help = shipshape(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /\n {2}lint +lint Dockerfiles[\s\S]*\n {2}ps +list all containers[\s\S]*\n {2}internals +show a container/);
    assert.match(help.stdout, /shipshape <command> --help/);
    assert.equal(shipshape(['help']).stdout, help.stdout);
    const none = shipshape([]);
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
    assert.equal(none.stderr, help.stdout);
    const unknown = shipshape(['help', 'frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
  });

  it('an unknown flag exits 2 naming the flag and the command\'s help, with balanced quotes', () => {
    for (const command of ['lint', 'ps', 'internals']) {
      const run = shipshape([command, '--frob']);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `shipshape ${command}: unknown option --frob\nusage: shipshape ${command} [options]${command === 'ps' ? '' : command === 'lint' ? ' PATH...' : ' CONTAINER...'}\nhint: run \`shipshape ${command} --help\` for its options\n`);
    }
  });

  it('a flag without its value, or a value given to a switch, is named in our words', () => {
    assert.match(shipshape(['lint', 'Dockerfile', '--config']).stderr, /^shipshape lint: --config needs a value\n/);
    assert.match(shipshape(['lint', '--no-fail=yes', 'Dockerfile']).stderr, /^shipshape lint: --no-fail takes no value\n/);
  });

  it('lint --context DIR still works as --build-context, with a deprecation warning', () => {
    const dir = project({ Dockerfile: 'FROM debian:12\nCOPY secret.txt /x\n', 'ctx/.dockerignore': 'secret.txt\n' });
    const findings = (args: string[]) => shipshape(['lint', '--format', 'json', ...args, 'Dockerfile'], { cwd: dir });
    const renamed = findings(['--build-context', 'ctx']);
    assert.equal(renamed.stderr, '');
    assert.deepEqual((JSON.parse(renamed.stdout) as { code: string }[]).map((f) => f.code), ['CopyIgnoredFile']);
    const old = findings(['--context', 'ctx']);
    assert.equal(old.stderr, 'shipshape lint: --context is deprecated for lint; use --build-context\n');
    assert.equal(old.stdout, renamed.stdout);
    assert.equal(findings([]).stdout, '[]\n');
  });

  it('lint -c FILE still works as --config, with a deprecation warning', () => {
    const dir = project({ 'lint.yaml': 'ignored: [DL3006]\n', Dockerfile: 'FROM debian\n' });
    const run = shipshape(['lint', '-c', 'lint.yaml', 'Dockerfile'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.stderr, 'shipshape lint: -c is deprecated for lint; use --config\n');
    assert.equal(shipshape(['lint', '--config', 'lint.yaml', 'Dockerfile'], { cwd: dir }).stderr, '');
  });

  it('a command that takes no operands refuses one instead of ignoring it', () => {
    const run = shipshape(['ps', 'web']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^shipshape ps: takes no operands \(got "web"\)\n/);
  });

  it('output cut short by the reader (`| head`) ends quietly, without a stack trace', () => {
    const dir = project({ Dockerfile: 'FROM debian\n' + 'RUN apt-get install curl\n'.repeat(20000) });
    const run = spawnSync('bash', ['-c', `node ${JSON.stringify(cliPath)} lint --no-shellcheck Dockerfile | head -1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.match(run.stdout, /^Dockerfile:1:6 /);
    assert.equal(run.stderr, '');
  });
});
