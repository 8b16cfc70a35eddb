// `shipshape lint --jobs N`: worker threads change nothing of what is printed or the exit status, and a
// worker that cannot run loses no file. Runs the bundled CLI (dist/cli.js and its dist/worker.js).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, project, shipshape } from './cli';

/** A dozen Dockerfiles in three folders: one with a .hadolint.yaml (an ignored rule, a threshold), one with a .dockerignore. */
function mixedProject(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {
    'api/.hadolint.yaml': 'ignored: [DL3006]\nfailure-threshold: error\n',
    'web/.dockerignore': 'secrets\n',
    'web/Dockerfile': 'FROM node:20\nCOPY secrets /app/secrets\nRUN npm install\n',
    ...extra,
  };
  for (let i = 0; i < 10; i++) {
    const folder = ['api', 'web', 'tools'][i % 3]!;
    files[`${folder}/svc${i}.Dockerfile`] = i % 2 ? `FROM debian\nRUN apt-get install curl${i} && cd /tmp\n` : `FROM alpine:3.${i}\nRUN apk add --no-cache git\nUSER app\n`;
  }
  return project(files);
}

const run = (args: string[], cwd: string) => {
  const r = shipshape(['lint', ...args], { cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('shipshape lint --jobs', () => {
  it('--jobs 2 prints what --jobs 1 prints, warnings and exit status too, in tty and json, over folders with their own configs', () => {
    const dir = mixedProject();
    for (const format of ['tty', 'json']) {
      const one = run(['--format', format, '--jobs', '1', 'api', 'web', 'tools'], dir);
      const two = run(['--format', format, '--jobs', '2', 'api', 'web', 'tools'], dir);
      assert.equal(one.status, 1, one.stderr);
      assert.ok(one.stdout.includes('svc9.Dockerfile') && one.stdout.includes('CopyIgnoredFile'), one.stdout);
      assert.deepEqual(two, one);
    }
  });

  it('a configuration error in a later folder stops the run as it does on one thread: same stderr, exit 2, nothing printed', () => {
    const dir = mixedProject({ 'tools/.hadolint.yaml': 'ignored: DL3006\n' });
    const one = run(['--jobs', '1', 'api', 'web', 'tools'], dir);
    assert.equal(one.status, 2);
    assert.match(one.stderr, /tools[\\/]\.hadolint\.yaml:1:10: /);
    assert.deepEqual(run(['--jobs', '2', 'api', 'web', 'tools'], dir), one);
  });

  it('refuses --jobs that is not a whole number from 1 (exit 2)', () => {
    const dir = mixedProject();
    for (const bad of ['0', '1.5', 'many']) {
      const r = run(['--jobs', bad, 'api'], dir);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, new RegExp(`--jobs takes a whole number of threads, 1 or more \\(got "${bad.replace('.', '\\.')}"\\)`));
    }
  });

  it('a worker that cannot start (an install missing dist/worker.js): its files are linted by the main thread, a warning says so, the findings are the same', () => {
    const dir = mixedProject();
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-no-worker-'));
    for (const f of ['cli.js', 'tree-sitter.wasm', 'tree-sitter-bash.wasm']) fs.copyFileSync(path.join(path.dirname(cliPath), f), path.join(broken, f));
    const args = ['--format', 'json', 'api', 'web', 'tools'];
    const one = run(['--jobs', '1', ...args], dir);
    const r = spawnSync(process.execPath, [path.join(broken, 'cli.js'), 'lint', '--jobs', '2', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, one.status);
    assert.equal(r.stdout, one.stdout);
    assert.match(r.stderr, /^shipshape lint: warning: a worker thread stopped \(Cannot find module '.*worker\.js'.*\); the main thread linted its files instead\n$/);
  });
});
