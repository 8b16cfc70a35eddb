import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_BY_LABEL, BuildCancelled, BuildFailure, DOCKERFILE_LABEL, buildImage, type BuildStep, type Builder } from '../../src/docker/build';
import { TEST_LABEL, testClient, uniqueName } from '../support/daemon';
import { waitFor } from '../support/wait';

const BUILDERS: Builder[] = ['legacy', 'buildkit'];

describe('docker/build: building a Dockerfile through the daemon (real daemon, images FROM busybox)', function () {
  this.timeout(120_000);
  const client = testClient();
  const made: string[] = [];
  let dir: string;

  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shipshape-build-'))));
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));
  after(async () => {
    for (const ref of made) await client.api.getImage(ref).remove({ force: true }).catch(() => undefined);
  });

  const files = async (entries: Record<string, string>) => {
    for (const [name, text] of Object.entries(entries)) {
      await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await fs.writeFile(path.join(dir, name), text);
    }
  };
  // BuildKit keeps its cache after the image is removed: a RUN whose output a test reads carries a unique comment.
  const tagFor = (what: string) => {
    const tag = `${uniqueName(what)}:1`;
    made.push(tag);
    return tag;
  };
  const build = async (builder: Builder | 'auto', options: { dockerfile?: string; context?: string; target?: string } = {}, signal?: AbortSignal) => {
    const lines: string[] = [];
    const steps: BuildStep[] = [];
    const tag = tagFor(builder);
    const result = await buildImage(
      client,
      { dockerfile: options.dockerfile ?? path.join(dir, 'Dockerfile'), context: options.context ?? dir, tag, builder, labels: { [TEST_LABEL]: 'true' }, ...(options.target ? { target: options.target } : {}) },
      { onLine: (l) => lines.push(l), onStep: (s) => steps.push(s), ...(signal ? { signal } : {}) },
    );
    made.push(result.imageId);
    return { result, lines, steps, tag };
  };
  const failure = async (builder: Builder): Promise<BuildFailure> => {
    try {
      await build(builder);
    } catch (error) {
      assert.ok(error instanceof BuildFailure, `a BuildFailure, not ${String(error)}`);
      made.push(...committedImages(error.log).reverse()); // the legacy builder's images of the steps that passed
      return error;
    }
    assert.fail('the build succeeded');
  };

  for (const builder of BUILDERS) {
    it(`${builder}: builds and tags, labels the image with Shipshape and the Dockerfile, records the text sent, reports each step with its line`, async () => {
      const text = 'FROM busybox\nENV A=1\nRUN echo built > /built\nCMD ["cat", "/built"]\n';
      await files({ Dockerfile: text });
      const { result, steps, tag } = await build(builder);
      assert.equal(result.builder, builder);
      const image = await client.api.getImage(tag).inspect();
      assert.equal(image.Id, result.imageId);
      assert.equal(image.Config.Labels?.[BUILT_BY_LABEL], 'shipshape');
      assert.equal(image.Config.Labels?.[DOCKERFILE_LABEL], path.join(dir, 'Dockerfile'));
      assert.deepEqual(
        { ...result.record, builtAt: undefined },
        { dockerfile: path.join(dir, 'Dockerfile'), context: dir, imageId: result.imageId, tag, builder, builtAt: undefined, text },
      );
      assert.ok(Date.now() - Date.parse(result.record.builtAt) < 60_000, 'builtAt is the build time');
      const run = steps.find((s) => s.text.startsWith('RUN echo built'));
      assert.ok(run, `a RUN step among ${JSON.stringify(steps)}`);
      assert.equal(run.line, 2);
      if (builder === 'legacy') assert.deepEqual(steps.slice(0, 4).map((s) => [s.index, s.line]), [[1, 0], [2, 1], [3, 2], [4, 3]]);
      else assert.deepEqual(steps.map((s) => [s.index, s.total, s.line]), [[1, 2, 0], [2, 2, 2]], 'BuildKit counts FROM and RUN, not ENV or CMD');
    });

    it(`${builder}: .dockerignore is honoured: an ignored file is not in the image, a \`!\` exception is, the Dockerfile is sent though ignored`, async () => {
      await files({
        Dockerfile: `FROM busybox\nCOPY . /ctx\nRUN find /ctx | sort # ${uniqueName('fresh')}\n`,
        '.dockerignore': 'Dockerfile\nsecret.txt\nlogs\n!logs/keep.log\n',
        'secret.txt': 's',
        'kept.txt': 'k',
        'logs/drop.log': 'd',
        'logs/keep.log': 'k',
      });
      const { lines } = await build(builder);
      const found = lines.filter((l) => l.startsWith('/ctx'));
      assert.ok(found.includes('/ctx/kept.txt'), found.join(', '));
      assert.ok(found.includes('/ctx/logs/keep.log'), `the exception is sent: ${found.join(', ')}`);
      assert.ok(!found.includes('/ctx/secret.txt') && !found.includes('/ctx/logs/drop.log'), `ignored files stay out: ${found.join(', ')}`);
    });

    const outside =
      builder === 'legacy'
        ? 'is sent under a generated name that the daemon drops from the context (not in the image)'
        : 'is sent under a generated name (which COPY . copies: the 20.10 engine\'s BuildKit applies no .dockerignore to an uploaded context)';
    it(`${builder}: a Dockerfile outside the context ${outside}`, async () => {
      await files({ 'ctx/app.txt': 'a', 'elsewhere/Dockerfile': `FROM busybox\nCOPY . /ctx\nRUN find /ctx | sort # ${uniqueName('fresh')}\n` });
      const { lines } = await build(builder, { dockerfile: path.join(dir, 'elsewhere', 'Dockerfile'), context: path.join(dir, 'ctx') });
      const found = lines.filter((l) => l.startsWith('/ctx'));
      assert.ok(found.includes('/ctx/app.txt'), found.join(', '));
      const generated = found.filter((l) => /^\/ctx\/\.dockerfile\.[0-9a-f]{20}$/.test(l));
      assert.equal(generated.length, builder === 'legacy' ? 0 : 1, found.join(', '));
    });

    it(`${builder}: a failing RUN is a BuildFailure with the builder's message and the line of the RUN (global ARG and two stages before it)`, async () => {
      await files({ Dockerfile: 'ARG BASE=busybox\nFROM $BASE AS first\nWORKDIR /w\nRUN echo one\n\nFROM first\nCOPY Dockerfile /d\nENV X=1\nRUN echo two && false\nRUN echo never\n' });
      const error = await failure(builder);
      assert.match(error.message, builder === 'legacy' ? /^The command '\/bin\/sh -c echo two && false' returned a non-zero code: 1$/ : /(executor failed running \[\/bin\/sh -c echo two && false\]|process "\/bin\/sh -c echo two && false" did not complete successfully): exit code: 1/);
      assert.equal(error.line, 8);
      assert.match(error.log, /two/);
    });

    it(`${builder}: the daemon's Dockerfile parse error is a BuildFailure on its line`, async () => {
      await files({ Dockerfile: 'FROM busybox\nRUN echo ok\nNOTANINSTRUCTION x\n' });
      const error = await failure(builder);
      assert.match(error.message, /Dockerfile parse error (on )?line 3: unknown instruction: NOTANINSTRUCTION/i);
      assert.equal(error.line, 2);
    });

    it(`${builder}: cancelling with the signal rejects within seconds and leaves no build process or container running`, async () => {
      const marker = uniqueName('cancel');
      await files({ Dockerfile: `FROM busybox\nRUN sleep 60; echo ${marker}\n` });
      const controller = new AbortController();
      const building = build(builder, {}, controller.signal);
      await waitFor(async () => (await processesWith(marker)).length > 0, 'the RUN started', 30_000);
      const cancelledAt = Date.now();
      controller.abort();
      await assert.rejects(building, BuildCancelled);
      assert.ok(Date.now() - cancelledAt < 5_000, `rejected after ${Date.now() - cancelledAt} ms`);
      await waitFor(async () => (await processesWith(marker)).length === 0, 'the build process ended', 10_000);
      await waitFor(async () => (await containersWith(marker)).length === 0, 'no build container is left', 10_000);
    });
  }

  it('BuildKit: a failing RUN in an unnamed earlier stage maps through `[stage-0 k/n]` to its line', async () => {
    await files({ Dockerfile: 'FROM busybox\nRUN false\nFROM busybox\nCOPY --from=0 /bin/sh /sh\n' });
    const error = await failure('buildkit');
    assert.equal(error.line, 1);
  });

  it('auto picks BuildKit on this daemon (API 1.41, linux)', async () => {
    await files({ Dockerfile: 'FROM busybox\nRUN true\n' });
    const { result } = await build('auto');
    assert.equal(result.builder, 'buildkit');
    assert.equal(result.record.builder, 'buildkit');
  });

  async function containersWith(marker: string): Promise<string[]> {
    const all = await client.api.listContainers({ all: true });
    return all.filter((c) => c.Command.includes(marker)).map((c) => c.Id);
  }
});

/** Images a legacy build committed (` ---> id` after `Removing intermediate container`), not the base or cached ones. */
function committedImages(log: string): string[] {
  const lines = log.split('\n');
  return lines.flatMap((line, i) => {
    const m = /^ ---> ([0-9a-f]{12,})$/.exec(line);
    return m && lines[i - 1]?.startsWith('Removing intermediate container') ? [m[1]!] : [];
  });
}

/** Host processes whose command line holds `marker` (the build's RUN runs on this machine's kernel, whichever builder). */
async function processesWith(marker: string): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const cmdline = await fs.readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(marker)) pids.push(Number(name));
  }
  return pids;
}
