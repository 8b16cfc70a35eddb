// What `shipshape lint PATH...` checks and how it names it: Dockerfile names in folders, paths that
// match nothing, binary and huge files, and every file shown as the user typed it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assertValidSarif, project, shipshape } from './cli';

const lint = (args: string[], cwd: string, input?: string | Buffer) => shipshape(['lint', ...args], { cwd, ...(input === undefined ? {} : { input }) });
const BAD = 'FROM debian\n';
const files = (stdout: string) => [...new Set((JSON.parse(stdout) as { file: string }[]).map((f) => f.file))];

describe('shipshape lint: which files, as typed', () => {
  it('finds every Dockerfile naming habit in a folder: *_Dockerfile, *-Dockerfile, *.Dockerfile, lower case', () => {
    const dir = project({
      'corpus/ab_Dockerfile': BAD, 'corpus/cd_Dockerfile': BAD, 'corpus/web-Dockerfile': BAD, 'corpus/api.Dockerfile': BAD,
      'corpus/dockerfile': BAD, 'corpus/x_Containerfile': BAD, 'corpus/README.md': BAD,
    });
    const run = lint(['--format', 'json', 'corpus'], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(files(run.stdout), ['corpus/ab_Dockerfile', 'corpus/api.Dockerfile', 'corpus/cd_Dockerfile', 'corpus/dockerfile', 'corpus/web-Dockerfile', 'corpus/x_Containerfile']);
  });

  it('exits 2 when a folder holds no Dockerfile, instead of "0 files checked, no problems"', () => {
    const dir = project({ 'empty/notes.txt': 'hello\n', 'empty/node_modules/pkg/Dockerfile': BAD });
    const run = lint(['empty'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^shipshape lint: empty: no Dockerfile to check in this folder \(looked for Dockerfile, Dockerfile\.\*, \*\.Dockerfile, \*_Dockerfile, \*-Dockerfile/);
  });

  it('refuses a named binary file with exit 2 and the offset of its NUL byte, printing nothing else', () => {
    const dir = project({});
    const run = lint(['/bin/ls'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^shipshape lint: \/bin\/ls: not a text file \(NUL byte at offset \d+\)\n$/);
    assert.equal(lint(['/dev/zero'], dir).stderr, 'shipshape lint: /dev/zero: not a text file (NUL byte at offset 0)\n');
  });

  it('refuses a named file that is not UTF-8, and standard input that is binary', () => {
    const dir = project({ Dockerfile: Buffer.from('FROM debian\nLABEL x=caf\xe9\n', 'latin1') });
    assert.equal(lint(['Dockerfile'], dir).stderr, 'shipshape lint: Dockerfile: not a text file (not valid UTF-8)\n');
    const stdin = lint(['-'], dir, Buffer.from([0x46, 0x52, 0, 0x4d]));
    assert.equal(stdin.status, 2);
    assert.equal(stdin.stderr, 'shipshape lint: - (standard input): not a text file (NUL byte at offset 2)\n');
  });

  it('refuses a file over --max-file-size (default 4 MiB) from its size alone, quickly; the flag raises the limit', () => {
    const dir = project({ 'Dockerfile': BAD, 'huge/Dockerfile': '' });
    fs.truncateSync(path.join(dir, 'huge/Dockerfile'), 64 * 1024 * 1024); // sparse: 64 MiB of NUL bytes, never read
    const started = Date.now();
    const huge = lint(['huge/Dockerfile'], dir);
    assert.ok(Date.now() - started < 5000);
    assert.equal(huge.status, 2);
    assert.equal(huge.stderr, 'shipshape lint: huge/Dockerfile: 64 MiB, over the 4 MiB limit for a Dockerfile\nhint: --max-file-size SIZE raises the limit\n');
    assert.match(lint(['--max-file-size', '8', 'Dockerfile'], dir).stderr, /Dockerfile: 12 bytes, over the 8 bytes limit/);
    assert.equal(lint(['--max-file-size', '1K', 'Dockerfile'], dir).status, 1);
    assert.match(lint(['--max-file-size', 'big', 'Dockerfile'], dir).stderr, /--max-file-size takes a size such as 4MiB/);
  });

  it('skips a binary file found in a folder with a note on stderr, and lints the rest', () => {
    const dir = project({ 'svc/Dockerfile': BAD, 'svc/Dockerfile.tar': Buffer.from([0x75, 0, 0]) });
    const run = lint(['--format', 'json', 'svc'], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, 'shipshape lint: skipped svc/Dockerfile.tar: not a text file (NUL byte at offset 1)\n');
    assert.deepEqual(files(run.stdout), ['svc/Dockerfile']);
  });

  it('shows each file as typed (absolute, ./, ..) or under the folder as typed, in every format', () => {
    const dir = project({ 'a/Dockerfile': BAD, 'b/sub/ab_Dockerfile': BAD });
    const abs = path.join(dir, 'a', 'Dockerfile');
    const cwd = path.join(dir, 'b');
    const typed = [abs, './sub/ab_Dockerfile', '../a/Dockerfile', 'sub'];
    const expected = [abs, './sub/ab_Dockerfile', '../a/Dockerfile', 'sub/ab_Dockerfile'];
    assert.deepEqual(files(lint(['--format', 'json', ...typed], cwd).stdout), expected);
    const tty = lint(typed, cwd).stdout;
    assert.deepEqual(tty.split('\n').filter((l) => l.includes('DL3006')).map((l) => l.split(':1:6 ')[0]), expected);
    assert.deepEqual([...lint(['--format', 'checkstyle', ...typed], cwd).stdout.matchAll(/<file name="([^"]+)"/g)].map((m) => m[1]), expected);
    assert.deepEqual([...lint(['--format', 'github', ...typed], cwd).stdout.matchAll(/file=([^,]+),/g)].map((m) => m[1]), expected);
    assert.deepEqual((JSON.parse(lint(['--format', 'codeclimate', ...typed], cwd).stdout) as { location: { path: string } }[]).map((i) => i.location.path), expected);
    assert.ok(expected.every((f) => lint(['--format', 'junit', ...typed], cwd).stdout.includes(`"${f}`)));
  });

  it('--format sarif locates files relative to the current folder (%SRCROOT%) however typed, and outside it by file: URI', () => {
    const dir = project({ 'out side/Dockerfile': BAD, 'repo/svc/Dockerfile': BAD });
    const cwd = path.join(dir, 'repo');
    const run = lint(['--format', 'sarif', path.join(cwd, 'svc', 'Dockerfile'), './svc/Dockerfile', '../out side/Dockerfile', '-'], cwd, BAD);
    const log = JSON.parse(run.stdout) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
    assertValidSarif(log);
    assert.deepEqual(log.runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: `file://${cwd}/` } });
    assert.deepEqual(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation), [
      { uri: 'svc/Dockerfile', uriBaseId: '%SRCROOT%' },
      { uri: 'svc/Dockerfile', uriBaseId: '%SRCROOT%' },
      { uri: `file://${dir}/out%20side/Dockerfile` },
      { uri: 'stdin' },
    ]);
  });
});

describe('shipshape lint: the terminal format', () => {
  it('prints no control character that came from a Dockerfile or its name', () => {
    const dir = project({ 'svc/a\x1b[2Jb_Dockerfile': 'FROM deb\x1b]0;pwned\x07ian\n' });
    const run = lint(['svc'], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.ok(!/[\x00-\x09\x0b-\x1f\x7f-\x9f]/.test(run.stdout), JSON.stringify(run.stdout));
    assert.match(run.stdout, /^svc\/a\\x1b\[2Jb_Dockerfile:1:6 warning DL3006: .*deb\\x1b\]0;pwned\\x07ian/);
  });
});
