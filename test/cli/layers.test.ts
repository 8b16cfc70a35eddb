// `shipshape layers` from the bundled CLI (dist/cli.js) against the real daemon, on an image built FROM busybox
// (legacy builder, offline) with known bytes: 5 MiB written by one RUN and deleted by a later one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { testClient, uniqueName } from '../support/daemon';
import { buildFromFiles } from '../support/images';
import { project, shipshape } from './cli';

const MIB5 = 5 * 1024 * 1024;
const DOCKERFILE = [
  'FROM busybox',
  'RUN dd if=/dev/zero of=/big bs=1024 count=5120',
  'RUN echo hello > /small.txt',
  'ENV MODE=test',
  'RUN rm /big',
  'CMD ["sh"]',
  '',
].join('\n');

describe('shipshape layers (real daemon)', function () {
  this.timeout(120_000);
  const client = testClient();
  const tag = `${uniqueName('cli-layers')}:1`;
  let dir: string;
  before(async () => {
    dir = project({ Dockerfile: DOCKERFILE, 'Other.Dockerfile': DOCKERFILE.replace('RUN rm /big', 'RUN rm /other') });
    await buildFromFiles(client, tag, { Dockerfile: DOCKERFILE });
  });
  after(async () => {
    await client.api.getImage(tag).remove({ force: true }).catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 404) throw error;
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--format json prints the documented shape: every history entry, sizes as docker history, 1-based lines, waste by entry', async () => {
    const run = shipshape(['layers', '--format', 'json', '--dockerfile', 'Dockerfile', tag], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(json), ['image', 'id', 'size', 'efficiency', 'wastedBytes', 'recoverableBytes', 'layers', 'wasted']);
    const inspect = await client.api.getImage(tag).inspect();
    assert.deepEqual([json.image, json.id], [tag, inspect.Id]);
    const history = (await client.api.getImage(tag).history()) as { Size: number; CreatedBy: string }[];
    // The API lists newest first; the JSON oldest first, with the same sizes.
    assert.deepEqual(json.layers.map((l: { size: number }) => l.size), history.reverse().map((h) => h.Size));
    assert.deepEqual(json.layers.map((l: { createdBy: string }) => l.createdBy), history.map((h) => h.CreatedBy));
    // The legacy builder's build-time label (the tests' label) is the last entry, written by no instruction.
    assert.deepEqual(json.layers.map((l: { instruction: { line: number } | null }) => l.instruction?.line ?? null), [null, null, null, 2, 3, 4, 5, 6, null]);
    const dd = json.layers[3];
    assert.deepEqual([dd.size, dd.emptyLayer, dd.instruction.text], [MIB5, false, 'RUN dd if=/dev/zero of=/big bs=1024 count=5120']);
    assert.match(dd.diffId, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual([json.layers[5].diffId, json.layers[5].emptyLayer], [null, true]);
    assert.equal(json.size, history.reduce((sum, h) => sum + h.Size, 0));
    assert.equal(json.recoverableBytes, MIB5);
    assert.ok(json.wastedBytes >= MIB5, String(json.wastedBytes));
    assert.deepEqual(json.wasted[0], { path: 'big', bytes: MIB5, addedBy: 3, removedBy: 6 });
  });

  it('tty: sizes by line, the base, efficiency and waste attributed to instructions, and the measured hint for `RUN rm`', () => {
    const run = shipshape(['layers', '--dockerfile', 'Dockerfile', tag], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\n  5\.24 MB +\d+\.\d % +2: RUN dd if=\/dev\/zero of=\/big bs=1024 count=5120\n/);
    assert.match(run.stdout, /\n  metadata +4: ENV MODE=test\n/);
    assert.match(run.stdout, /\nbase image \(FROM on line 1\): [\d.]+ [kM]?B, 2 layers\n/);
    assert.match(run.stdout, /\nRecoverable: +5\.24 MB/);
    assert.match(run.stdout, /\n  5\.24 MB +\/big  added by 2: RUN dd [^\n]*, deleted by 5: RUN rm \/big\n/);
    assert.match(run.stdout, /\n  Dockerfile:5 RemovesEarlierLayerFiles: removes 5\.24 MB an earlier layer still ships — delete in the RUN that created them\n/);
    assert.match(run.stdout, /\n  Dockerfile:3 DL3059: these RUNs made layers of 5\.24 MB and \d+ B; 0 B written by the first and removed by the second\n/);
  });

  it('--ci exits 0 when every rule passes, and 1 with FAIL when a threshold is crossed', () => {
    const pass = shipshape(['layers', '--ci', '--lowest-efficiency', '0.1', '--highest-wasted-bytes', '1GB', '--highest-user-wasted-percent', 'disabled', tag]);
    assert.equal(pass.status, 0, pass.stderr + pass.stdout);
    assert.match(pass.stdout, /\n  PASS: lowestEfficiency: [^\n]*\n  PASS: highestWastedBytes: [^\n]*\n  SKIP: highestUserWastedPercent: rule disabled\nResult: PASS/);
    const fail = shipshape(['layers', '--ci', '--highest-wasted-bytes', '1MB', tag]);
    assert.equal(fail.status, 1, fail.stderr + fail.stdout);
    assert.match(fail.stdout, /\n  FAIL: highestWastedBytes: too many bytes wasted \(wasted-bytes=\d+ \([\d.]+ MB\) > threshold=1000000\)\n/);
    assert.match(fail.stdout, /\nResult: FAIL /);
  });

  it('--ci with --format json keeps stdout one JSON document (the results go to stderr)', () => {
    const run = shipshape(['layers', '--format', 'json', '--ci', '--highest-wasted-bytes', '1MB', tag]);
    assert.equal(run.status, 1);
    assert.equal(JSON.parse(run.stdout).image, tag);
    assert.match(run.stderr, /FAIL: highestWastedBytes/);
  });

  it('a Dockerfile that does not match the image: exit 2, naming file:line:col, the instruction, the entry and what to do', () => {
    const run = shipshape(['layers', '--dockerfile', 'Other.Dockerfile', tag], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^shipshape layers: Other\.Dockerfile:5:1: `RUN rm \/other` does not match the image: history entry 7 is `\/bin\/sh -c rm \/big`\.\nhint: Rebuild the image from this Dockerfile, or choose the image that was built from it\.\n$/);
  });

  it('a missing image: exit 2 with a clear message', () => {
    const run = shipshape(['layers', 'shipshape-no-such-image:404']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^shipshape layers: no image shipshape-no-such-image:404 on this daemon \(unix:\/\/\/var\/run\/docker.sock\): build it, or pull or load it/);
  });

  it('an unreachable daemon: exit 2 with a clear message', () => {
    const run = shipshape(['layers', tag], { env: { ...process.env, DOCKER_HOST: `unix://${path.join(dir, 'no.sock')}` } });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^shipshape layers: Docker is not reachable: no daemon socket at /);
  });

  it('bad threshold values and misuse are usage errors (exit 2), before the daemon is asked', () => {
    const cases: [string[], RegExp][] = [
      [['--ci', '--lowest-efficiency', '90%'], /--lowest-efficiency takes a fraction between 0 and 1/],
      [['--ci', '--highest-wasted-bytes', 'lots'], /--highest-wasted-bytes takes a size such as 20MB/],
      [['--lowest-efficiency', '0.9'], /--lowest-efficiency is a CI rule: add --ci/],
      [['--dockerfile', 'Nope.Dockerfile'], /--dockerfile .*Nope\.Dockerfile: no such file/],
    ];
    for (const [args, message] of cases) {
      const run = shipshape(['layers', ...args, 'shipshape-no-such-image:404'], { cwd: dir });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
      assert.match(run.stderr, /\nusage: shipshape layers \[options\] IMAGE\n/);
    }
    assert.match(shipshape(['layers']).stderr, /name the image/);
  });

  it('--help lists the options and the exit codes', () => {
    const run = shipshape(['layers', '--help']);
    assert.equal(run.status, 0);
    for (const flag of ['--dockerfile PATH', '--format FORMAT', '--ci', '--lowest-efficiency FRACTION', '--highest-wasted-bytes SIZE', '--highest-user-wasted-percent FRACTION', '--context NAME']) assert.ok(run.stdout.includes(flag), flag);
    assert.match(run.stdout, /Exit codes: 0 shown \(and every CI rule passed\), 1 a CI rule failed, 2 /);
    assert.match(shipshape(['--help']).stdout, /\n {2}layers +show what each layer/);
  });
});

// busybox has no apt: a stand-in `apt-get` writes 100 KiB of lists where the real one does, so that DL3009 fires on
// the text and its measured hint reads the bytes from that layer's files in a real image.
describe('shipshape layers: a measured DL3009 hint from a real image (stand-in apt-get, busybox has none)', function () {
  this.timeout(120_000);
  const client = testClient();
  const tag = `${uniqueName('cli-layers-apt')}:1`;
  const dockerfile = [
    'FROM busybox',
    "RUN printf '#!/bin/sh\\nmkdir -p /var/lib/apt/lists\\ndd if=/dev/zero of=/var/lib/apt/lists/pkgs bs=1024 count=100 2>/dev/null\\n' > /bin/apt-get && chmod +x /bin/apt-get",
    'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1',
    '',
  ].join('\n');
  let dir: string;
  before(async () => {
    dir = project({ Dockerfile: dockerfile });
    await buildFromFiles(client, tag, { Dockerfile: dockerfile });
  });
  after(async () => {
    await client.api.getImage(tag).remove({ force: true }).catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 404) throw error;
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the DL3009 finding on line 3 says how many bytes of apt lists that layer ships (102400 B = 102 kB)', () => {
    const run = shipshape(['layers', '--dockerfile', 'Dockerfile', tag], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\n  Dockerfile:3 DL3009: apt lists left in this layer: 102 kB\n/);
  });
});
