// analyseImage against the real daemon: fixture images built FROM busybox with known bytes, streamed
// from GET /images/{id}/get; the cache by image ID; errors a person reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseImageTar } from '../../../src/core/layers/analysis';
import type { ImageAnalysis } from '../../../src/core/layers/types';
import { DaemonUnreachableError, createDockerClient } from '../../../src/docker/client';
import { AnalysisCache, ImageNotFoundError, analyseImage } from '../../../src/docker/layers';
import { analysisFolder } from '../../../src/process/analysis-folder';
import { TEST_LABEL, testClient, uniqueName } from '../../support/daemon';
import { ociArchive, readClassicArchive, streamOf } from '../../support/image-archive';
import { buildLabelledImage, removeBuiltImage, type BuiltImage } from '../../support/layer-images';

const MiB5 = 5 * 1024 * 1024;

// busybox's two layers (index 0, 1), then one layer per RUN.
const WASTEFUL = `FROM busybox
RUN dd if=/dev/zero of=/big bs=1024 count=5120 2>/dev/null
RUN rm /big
RUN mkdir -p /d/sub && dd if=/dev/zero of=/d/a bs=1000 count=7 2>/dev/null && dd if=/dev/zero of=/d/sub/b bs=100 count=3 2>/dev/null && printf 123456789 > /f && dd if=/dev/zero of=/g bs=1000 count=4 2>/dev/null
RUN rm -rf /d && mkdir /d && echo x > /d/new && printf 12 > /f
ENV DONE=1
RUN chmod 755 /g
`;

const MULTI_STAGE = `FROM busybox AS build
RUN dd if=/dev/zero of=/artifact bs=1000 count=3 2>/dev/null && dd if=/dev/zero of=/scratch bs=1000 count=50 2>/dev/null
LABEL ${TEST_LABEL}=true
FROM busybox
COPY --from=build /artifact /artifact
RUN dd if=/dev/zero of=/junk bs=1000 count=2 2>/dev/null && rm /junk
`;

const sameAnalysis = (a: ImageAnalysis) => ({ ...a, layout: undefined });

describe('analyseImage (real daemon)', function () {
  this.timeout(120_000);
  const client = testClient();
  const built: BuiltImage[] = [];
  let wasteful: BuiltImage;
  let analysis: ImageAnalysis;

  before(async () => {
    wasteful = await buildLabelledImage(client, `${uniqueName('layers')}:1`, WASTEFUL, { [TEST_LABEL]: 'true' });
    built.push(wasteful);
    analysis = await analyseImage(client, wasteful.tag);
  });
  after(async () => {
    for (const image of built) await removeBuiltImage(client, image, TEST_LABEL);
  });

  it('gives every layer the size the history API gives its entry', async () => {
    const apiHistory = ((await client.api.getImage(wasteful.id).history()) as { Size: number }[]).reverse();
    assert.equal(apiHistory.length, analysis.history.length);
    const withLayers = analysis.history.flatMap((h, i) => (h.emptyLayer ? [] : [apiHistory[i]!.Size]));
    assert.deepEqual(
      analysis.layers.map((l) => l.size),
      withLayers,
    );
    assert.equal(analysis.layers.length, 7);
    assert.deepEqual(
      analysis.layers.slice(2).map((l) => l.size),
      [MiB5, 0, 7000 + 300 + 9 + 4000, 2 + 2, 4000],
    );
    assert.equal(analysis.id, wasteful.id);
    assert.deepEqual(analysis.repoTags, [wasteful.tag]);
    assert.equal(analysis.layout, 'classic');
  });

  it('5 MiB written by one RUN and removed by the next: exactly 5242880 recoverable, attributed to those layers', () => {
    const big = analysis.wasted.find((w) => w.path === 'big');
    assert.deepEqual(big, { path: 'big', bytes: MiB5, addedBy: 2, removedBy: 3, how: 'deleted' });
    assert.equal(analysis.layers[2]!.wastedBytes, MiB5);
    assert.equal(analysis.layers[3]!.removesBytes, MiB5);
  });

  it('a file overwritten with a smaller one, an opaque directory (overlay2 wrote .wh..wh..opq) and a chmod copy-up', () => {
    const byPath = new Map(analysis.wasted.map((w) => [w.path, w]));
    assert.deepEqual(byPath.get('f'), { path: 'f', bytes: 9, addedBy: 4, removedBy: 5, how: 'replaced' });
    // `rm -rf /d && mkdir /d` makes d opaque: what d held below is hidden, not deleted one by one.
    assert.deepEqual(byPath.get('d/a'), { path: 'd/a', bytes: 7000, addedBy: 4, removedBy: 5, how: 'hidden' });
    assert.deepEqual(byPath.get('d/sub/b'), { path: 'd/sub/b', bytes: 300, addedBy: 4, removedBy: 5, how: 'hidden' });
    assert.deepEqual(byPath.get('g'), { path: 'g', bytes: 4000, addedBy: 4, removedBy: 6, how: 'replaced' });
    assert.equal(analysis.recoverableBytes, MiB5 + 9 + 7000 + 300 + 4000);
    assert.equal(analysis.wasted.length, 5);
  });

  it("dive's efficiency, wasted bytes and user wasted percent, computed by hand for this image", () => {
    const busybox = analysis.layers[0]!.size; // the binary; the symlinks' layer counts 0 in dive (tar header sizes)
    const smallest = busybox + 0 + 7000 + 300 + 2 + 4000 + 2; // big's smallest is its whiteout (0); f 2; d/new 2
    const cumulative = busybox + MiB5 + 7000 + 300 + (9 + 2) + 4000 * 2 + 2;
    assert.equal(analysis.efficiency, smallest / cumulative);
    assert.equal(analysis.wastedBytes, MiB5 + (9 + 2) + 4000 * 2);
    assert.equal(analysis.userWastedPercent, (MiB5 + 11 + 8000) / (MiB5 + 11309 + 4 + 4000));
  });

  it('a multi-stage file: only the final stage is in the image; a file removed in the RUN that wrote it is no waste (and no layer)', async () => {
    const image = await buildLabelledImage(client, `${uniqueName('layers-multi')}:1`, MULTI_STAGE, { [TEST_LABEL]: 'true' });
    built.push(image);
    const a = await analyseImage(client, image.tag);
    assert.deepEqual(
      a.layers.map((l) => l.size).slice(2),
      [3000],
      'busybox, then the COPY; the first stage\'s 50 kB scratch file is nowhere',
    );
    assert.deepEqual(a.layers[2]!.largest, [{ path: 'artifact', size: 3000 }]);
    // This 20.10 legacy builder records a RUN that changed no file as an empty layer.
    const run = a.history.find((h) => h.createdBy.includes('of=/junk'));
    assert.equal(run?.emptyLayer, true);
    assert.equal(a.recoverableBytes, 0);
    assert.deepEqual(a.wasted, []);
  });

  for (const gzip of [false, true]) {
    it(`the OCI layout gives the same analysis (${gzip ? 'gzip' : 'uncompressed'} layers; OCI layout made from this daemon's save: Docker 20.10 writes only the classic one)`, async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of (await client.api.getImage(wasteful.tag).get()) as AsyncIterable<Buffer>) chunks.push(chunk);
      const classic = await readClassicArchive(Buffer.concat(chunks));
      const oci = await analyseImageTar(streamOf(await ociArchive(classic.config, classic.layers, classic.repoTags, { gzip })));
      assert.equal(oci.layout, 'oci');
      assert.deepEqual(sameAnalysis(oci), sameAnalysis(analysis));
    });
  }

  it('reports progress with the image size as the total, and stops when the signal aborts', async () => {
    const totals = new Set<number | null>();
    const controller = new AbortController();
    await assert.rejects(
      analyseImage(client, wasteful.id, {
        signal: controller.signal,
        onProgress: (read, total) => {
          totals.add(total);
          if (read > 1024 * 1024) controller.abort();
        },
      }),
      (e: Error) => e.name === 'AbortError' && /analysis cancelled/.test(e.message),
    );
    const inspect = (await client.api.getImage(wasteful.id).inspect()) as { Size: number };
    assert.deepEqual([...totals], [inspect.Size]);
  });

  it('no such image: says so, names the reference and what to do', async () => {
    const ref = `${uniqueName('absent')}:nope`;
    await assert.rejects(analyseImage(client, ref), (e: unknown) => e instanceof ImageNotFoundError && e.message.includes(`no image ${ref} on this daemon`) && /pull or load it/.test(e.message));
  });

  it('an unreachable daemon: DaemonUnreachableError naming the socket', async () => {
    const nowhere = createDockerClient({ host: 'unix:///tmp/shipshape-absent.sock' });
    await assert.rejects(analyseImage(nowhere, 'busybox'), (e: unknown) => e instanceof DaemonUnreachableError && /shipshape-absent\.sock/.test(e.message));
  });

  describe('AnalysisCache', () => {
    /** Counts the save streams the client opens. */
    function countingClient() {
      const counted = testClient();
      const counter = { streams: 0 };
      const getImage = counted.api.getImage.bind(counted.api);
      counted.api.getImage = (name: string) => {
        const image = getImage(name);
        const get = image.get.bind(image);
        image.get = (() => (counter.streams++, get())) as typeof image.get;
        return image;
      };
      return { client: counted, counter };
    }

    it('a second analyse of the same image ID (by tag, then by ID) costs no daemon stream', async () => {
      const { client: counted, counter } = countingClient();
      const cache = new AnalysisCache();
      const first = await cache.analyse(counted, wasteful.tag);
      const second = await cache.analyse(counted, wasteful.id);
      assert.equal(counter.streams, 1);
      assert.equal(second, first);
      assert.deepEqual(first, analysis);
    });

    it('analyses asked for at once share one stream', async () => {
      const { client: counted, counter } = countingClient();
      const cache = new AnalysisCache();
      const [a, b] = await Promise.all([cache.analyse(counted, wasteful.tag), cache.analyse(counted, wasteful.id)]);
      assert.equal(counter.streams, 1);
      assert.equal(a, b);
    });

    it('a folder store serves a new cache (a restarted editor) without a stream; a torn file is analysed again', async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-analyses-'));
      try {
        const { client: counted, counter } = countingClient();
        await new AnalysisCache({ persist: analysisFolder(folder) }).analyse(counted, wasteful.tag);
        const reopened = await new AnalysisCache({ persist: analysisFolder(folder) }).analyse(counted, wasteful.tag);
        assert.equal(counter.streams, 1);
        assert.deepEqual(reopened, analysis);
        const [file] = fs.readdirSync(folder);
        assert.equal(file, `${wasteful.id.replace('sha256:', '')}.json`);
        fs.writeFileSync(path.join(folder, file!), '{"id": "sha256:');
        assert.deepEqual(await new AnalysisCache({ persist: analysisFolder(folder) }).analyse(counted, wasteful.tag), analysis);
        assert.equal(counter.streams, 2);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('cached(id) reads memory, then the folder, and never the daemon (what the editor does when a Dockerfile is opened)', async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-analyses-'));
      try {
        await analysisFolder(folder).save(analysis.id, JSON.stringify(analysis));
        const cache = new AnalysisCache({ persist: analysisFolder(folder) });
        assert.equal(cache.get(analysis.id), undefined, 'not in memory yet');
        assert.deepEqual(await cache.cached(analysis.id), analysis);
        assert.ok(cache.get(analysis.id), 'remembered in memory after the folder read');
        assert.equal(await cache.cached('sha256:0000000000000000000000000000000000000000000000000000000000000000'), undefined);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
