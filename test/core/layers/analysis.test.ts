// The waste analysis over image tars made here with tar-stream: both save layouts, sizes as the daemon
// counts them, deletions, replacements, opaque directories, and dive's figures on hand-computed cases.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { analyseImageTar } from '../../../src/core/layers/analysis';
import type { ImageAnalysis } from '../../../src/core/layers/types';
import { archiveOf, classicArchive, imageConfig, layerTar, ociArchive, sha256, streamOf, type LayerEntry } from '../../support/image-archive';

async function analyseClassic(layers: LayerEntry[][], repoTags: string[] = []): Promise<ImageAnalysis> {
  const tars = await Promise.all(layers.map(layerTar));
  return analyseImageTar(streamOf(await classicArchive(imageConfig(tars), tars, repoTags)));
}

/** Everything but the layout, which is the one thing the two layouts may differ in. */
const sameAnalysis = (a: ImageAnalysis) => ({ ...a, layout: undefined });

describe('analyseImageTar', () => {
  it('counts a layer as the daemon does: regular files plus symlink target lengths, hardlinks 0', async () => {
    const a = await analyseClassic([
      [{ name: 'bin/' }, { name: 'bin/busybox', size: 1000 }],
      [{ name: 'bin/' }, { name: 'bin/sh', type: 'symlink', linkname: '/bin/busybox' }, { name: 'bin/ls', type: 'symlink', linkname: 'busybox' }, { name: 'bin/hl', type: 'link', linkname: 'bin/busybox' }],
    ]);
    assert.deepEqual(
      a.layers.map((l) => [l.size, l.entries]),
      [
        [1000, 2],
        [12 + 7, 4],
      ],
    );
    assert.equal(a.size, 1019);
    assert.deepEqual(a.layers[0]!.largest, [{ path: 'bin/busybox', size: 1000 }]);
    assert.deepEqual(a.layers[1]!.largest, [], 'symlinks are not regular files');
    assert.equal(a.layout, 'classic');
  });

  it('keeps the largest files largest first and the bytes per directory (every ancestor, 4 KiB and over)', async () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `usr/lib/f${i}`, size: 1000 * (i + 1) }));
    const a = await analyseClassic([[{ name: 'usr/' }, { name: 'usr/lib/' }, ...files, { name: 'etc/small', size: 100 }]]);
    const layer = a.layers[0]!;
    assert.deepEqual(
      layer.largest.map((f) => f.size),
      [12000, 11000, 10000, 9000, 8000, 7000, 6000, 5000, 4000, 3000],
    );
    assert.deepEqual(layer.directories, { '': 78100, usr: 78000, 'usr/lib': 78000 }, 'etc (100 bytes) is under 4 KiB');
  });

  it('takes id, repo tags and history (oldest first, empty_layer, comment) from the config and manifest', async () => {
    const tars = [await layerTar([{ name: 'a', size: 1 }])];
    const config = imageConfig(tars, [
      { created_by: '/bin/sh -c #(nop) ADD file:x in /' },
      { created_by: 'ENV A=1', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
    ]);
    const a = await analyseImageTar(streamOf(await classicArchive(config, tars, ['demo:1'])));
    assert.equal(a.id, `sha256:${sha256(config)}`);
    assert.deepEqual(a.repoTags, ['demo:1']);
    assert.deepEqual(a.history, [
      { createdBy: '/bin/sh -c #(nop) ADD file:x in /', comment: '', emptyLayer: false, created: null },
      { createdBy: 'ENV A=1', comment: 'buildkit.dockerfile.v0', emptyLayer: true, created: null },
    ]);
    assert.equal(a.layers[0]!.diffId, `sha256:${sha256(tars[0]!)}`);
  });

  it('a file deleted by a whiteout in a later layer: recoverable, attributed, and dive counts it all as wasted', async () => {
    const a = await analyseClassic([
      [{ name: 'a/' }, { name: 'a/big', size: 5000 }, { name: 'a/keep', size: 100 }],
      [{ name: 'a/' }, { name: 'a/.wh.big' }],
      [{ name: 'b', size: 1000 }],
    ]);
    assert.deepEqual(a.wasted, [{ path: 'a/big', bytes: 5000, addedBy: 0, removedBy: 1, how: 'deleted' }]);
    assert.equal(a.recoverableBytes, 5000);
    assert.deepEqual(
      a.layers.map((l) => [l.size, l.wastedBytes, l.removesBytes]),
      [
        [5100, 5000, 0],
        [0, 0, 5000],
        [1000, 0, 0],
      ],
    );
    // dive: a/big seen at 5000 then 0 (a whiteout of a file counts 0), a/keep 100, b 1000.
    assert.equal(a.efficiency, 1100 / 6100);
    assert.equal(a.wastedBytes, 5000);
    assert.equal(a.userWastedPercent, 5000 / 1000);
  });

  it('a file overwritten with a smaller one is replaced: its first bytes are wasted; dive counts both copies', async () => {
    const a = await analyseClassic([[{ name: 'f', size: 3000 }], [{ name: 'f', size: 1000 }]]);
    assert.deepEqual(a.wasted, [{ path: 'f', bytes: 3000, addedBy: 0, removedBy: 1, how: 'replaced' }]);
    assert.equal(a.recoverableBytes, 3000);
    assert.equal(a.efficiency, 1000 / 4000);
    assert.equal(a.wastedBytes, 4000);
    assert.equal(a.userWastedPercent, 4);
  });

  it('a chmod in a later layer copies the whole file up: the earlier bytes are replaced', async () => {
    const a = await analyseClassic([[{ name: 'app/' }, { name: 'app/run', size: 2000, mode: 0o644 }], [{ name: 'app/' }, { name: 'app/run', size: 2000, mode: 0o755 }]]);
    assert.deepEqual(a.wasted, [{ path: 'app/run', bytes: 2000, addedBy: 0, removedBy: 1, how: 'replaced' }]);
    assert.equal(a.recoverableBytes, 2000);
    assert.equal(a.efficiency, 0.5);
    assert.equal(a.wastedBytes, 4000);
  });

  it('an opaque directory hides what lower layers had under it (recoverable); dive ignores the marker, as dive does', async () => {
    const a = await analyseClassic([
      [{ name: 'd/' }, { name: 'd/a', size: 700 }, { name: 'd/sub/' }, { name: 'd/sub/b', size: 300 }, { name: 'e', size: 50 }],
      [{ name: 'd/' }, { name: 'd/.wh..wh..opq' }, { name: 'd/x', size: 10 }],
    ]);
    assert.deepEqual(a.wasted, [
      { path: 'd/a', bytes: 700, addedBy: 0, removedBy: 1, how: 'hidden' },
      { path: 'd/sub/b', bytes: 300, addedBy: 0, removedBy: 1, how: 'hidden' },
    ]);
    assert.equal(a.recoverableBytes, 1000);
    assert.equal(a.layers[1]!.removesBytes, 1000);
    assert.equal(a.efficiency, 1);
    assert.equal(a.wastedBytes, 0);
  });

  it('a directory deleted whole takes every file under it; dive counts its contents once at the whiteout (efficiency 1), as dive does', async () => {
    const a = await analyseClassic([[{ name: 'd/' }, { name: 'd/a', size: 700 }, { name: 'd/sub/' }, { name: 'd/sub/b', size: 300 }], [{ name: '.wh.d' }]]);
    assert.deepEqual(
      a.wasted.map((w) => [w.path, w.bytes, w.how]),
      [
        ['d/a', 700, 'deleted'],
        ['d/sub/b', 300, 'deleted'],
      ],
    );
    assert.equal(a.recoverableBytes, 1000);
    assert.equal(a.efficiency, 1);
    assert.equal(a.wastedBytes, 0);
  });

  it("dive's leaf rule: a directory empty in one layer and deleted with contents later counts as wasted", async () => {
    const a = await analyseClassic([[{ name: 'd/' }], [{ name: 'd/' }, { name: 'd/a', size: 700 }, { name: 'd/sub/' }, { name: 'd/sub/b', size: 300 }], [{ name: '.wh.d' }]]);
    // d: seen as an empty leaf (0) then at the whiteout (1000); d/a and d/sub/b once each.
    assert.equal(a.efficiency, 1000 / 2000);
    assert.equal(a.wastedBytes, 1000);
    assert.equal(a.recoverableBytes, 1000);
  });

  it('a file replaced by a directory, and a directory replaced by a file, waste what they covered', async () => {
    const a = await analyseClassic([[{ name: 'x', size: 40 }, { name: 'y/' }, { name: 'y/z', size: 60 }], [{ name: 'x/' }, { name: 'x/n', size: 1 }, { name: 'y', size: 5 }]]);
    assert.deepEqual(
      a.wasted.map((w) => [w.path, w.bytes, w.how, w.removedBy]),
      [
        ['y/z', 60, 'replaced', 1],
        ['x', 40, 'replaced', 1],
      ],
    );
    assert.equal(a.recoverableBytes, 100);
  });

  it('recoverable bytes are cumulative − kept', async () => {
    const a = await analyseClassic([
      [{ name: 'a', size: 10 }, { name: 'b', size: 20 }, { name: 'l', type: 'symlink', linkname: 'abc' }],
      [{ name: 'a', size: 15 }, { name: '.wh.l' }],
      [{ name: 'a', size: 1 }, { name: '.wh.b' }, { name: 'c', size: 7 }],
    ]);
    const cumulative = 10 + 20 + 3 + 15 + 1 + 7;
    const kept = 1 + 7;
    assert.equal(a.size, cumulative);
    assert.equal(a.recoverableBytes, cumulative - kept);
  });

  it('a classic layer stored as a symlink to an identical layer is read through the link', async () => {
    const same = [{ name: 'x', size: 10 }];
    const tars = await Promise.all([layerTar([{ name: 'base', size: 5 }]), layerTar(same), layerTar(same)]);
    const archive = await classicArchive(imageConfig(tars), tars);
    const a = await analyseImageTar(streamOf(archive));
    assert.deepEqual(
      a.layers.map((l) => l.size),
      [5, 10, 10],
    );
    assert.deepEqual(a.wasted, [{ path: 'x', bytes: 10, addedBy: 1, removedBy: 2, how: 'replaced' }]);
  });

  describe('OCI layout (fixture: as Docker 25 writes it)', () => {
    const layers: LayerEntry[][] = [
      [{ name: 'a/' }, { name: 'a/big', size: 5000 }, { name: 'a/keep', size: 100 }],
      [{ name: 'a/' }, { name: 'a/.wh.big' }, { name: 'l', type: 'symlink', linkname: 'a/keep' }],
      [{ name: 'a/' }, { name: 'a/keep', size: 50 }],
    ];
    let tars: Buffer[];
    let config: Buffer;
    let classic: ImageAnalysis;
    before(async () => {
      tars = await Promise.all(layers.map(layerTar));
      config = imageConfig(tars);
      classic = await analyseImageTar(streamOf(await classicArchive(config, tars, ['demo:oci'])));
    });

    for (const options of [{}, { gzip: true }, { metadataLast: true }, { gzip: true, metadataLast: true, manifestJson: false }]) {
      it(`gives the classic layout's analysis (${JSON.stringify(options)})`, async () => {
        const a = await analyseImageTar(streamOf(await ociArchive(config, tars, ['demo:oci'], options)));
        assert.equal(a.layout, 'oci');
        assert.equal(a.id, `sha256:${sha256(config)}`);
        assert.deepEqual(sameAnalysis(a), sameAnalysis(classic));
      });
    }
  });

  it('reports the bytes read as the archive streams, up to its length', async () => {
    const archive = await classicArchive(imageConfig([await layerTar([{ name: 'f', size: 100_000 }])]), [await layerTar([{ name: 'f', size: 100_000 }])]);
    const seen: number[] = [];
    await analyseImageTar(streamOf(archive), { onProgress: (n) => seen.push(n) });
    assert.equal(seen.at(-1), archive.length);
    assert.ok(seen.every((n, i) => i === 0 || n >= seen[i - 1]!));
  });

  it('streams a 512 MiB layer without holding it: external memory stays under 128 MiB', async function () {
    this.timeout(60_000);
    const MiB = 1024 * 1024;
    const size = 512 * MiB;
    const outer = tar.pack();
    const inner = tar.pack();
    // Fed in fresh 1 MiB chunks as the analysis asks for them: a retained chunk would show in arrayBuffers.
    const feed = async () => {
      const layer = outer.entry({ name: 'l/layer.tar', size: 512 + size + 1024 }, () => undefined);
      inner.pipe(layer);
      const body = inner.entry({ name: 'big', size }, () => undefined);
      for (let written = 0; written < size; written += MiB) if (!body.write(Buffer.alloc(MiB))) await once(body, 'drain');
      body.end();
      inner.finalize();
      await once(layer, 'finish');
      outer.entry({ name: 'c.json' }, JSON.stringify({ rootfs: { diff_ids: ['sha256:x'] }, history: [] }));
      outer.entry({ name: 'manifest.json' }, JSON.stringify([{ Config: 'c.json', RepoTags: [], Layers: ['l/layer.tar'] }]));
      outer.finalize();
    };
    let peak = 0;
    const [a] = await Promise.all([analyseImageTar(outer as unknown as NodeJS.ReadableStream, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)) }), feed()]);
    assert.equal(a.layers[0]!.size, size);
    assert.ok(peak < 128 * MiB, `arrayBuffers peaked at ${(peak / MiB).toFixed(0)} MiB`);
  });

  describe('bad input', () => {
    it('a JSON entry over 16 MiB: refused with its name and the limit', async () => {
      const archive = await archiveOf([{ name: 'manifest.json', data: Buffer.concat([Buffer.from('['), Buffer.alloc(17 * 1024 * 1024, 0x20), Buffer.from(']')]) }]);
      await assert.rejects(analyseImageTar(streamOf(archive)), /manifest\.json: a 17825794-byte JSON entry is larger than the 16777216-byte limit/);
    });


    it('not a tar: says it is not an image archive and what was expected', async () => {
      await assert.rejects(analyseImageTar(streamOf(Buffer.from('hello, this is not a tar archive at all'.repeat(40)))), /not an image archive \(invalid tar header\): expected the tar that docker save/);
    });

    it('a tar without manifest.json or index.json', async () => {
      await assert.rejects(analyseImageTar(streamOf(await archiveOf([{ name: 'readme.txt', data: Buffer.from('hi') }]))), /no manifest\.json or index\.json/);
    });

    it('a manifest naming a layer the archive lacks: names the layer', async () => {
      const tars = [await layerTar([{ name: 'f', size: 1 }])];
      const config = imageConfig(tars);
      const manifest = JSON.stringify([{ Config: 'c.json', RepoTags: [], Layers: ['abc/layer.tar'] }]);
      const archive = await archiveOf([
        { name: 'c.json', data: config },
        { name: 'manifest.json', data: Buffer.from(manifest) },
      ]);
      await assert.rejects(analyseImageTar(streamOf(archive)), /manifest names layer abc\/layer\.tar, which the archive does not contain/);
    });

    it('a zstd-compressed layer: a clear "not supported" error naming the blob', async () => {
      const zstdFrame = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(600, 1)]);
      const archive = await archiveOf([{ name: 'blobs/sha256/' + sha256(zstdFrame), data: zstdFrame }]);
      await assert.rejects(analyseImageTar(streamOf(archive)), /zstd-compressed layer blobs\/sha256\/[0-9a-f]{64} is not supported/);
    });

    it('a gzip blob that is not a tar inside: names the layer', async () => {
      const archive = await archiveOf([{ name: 'blobs/sha256/' + 'ab'.repeat(32), data: zlib.gzipSync(Buffer.from('not a tar, only text '.repeat(50))) }]);
      await assert.rejects(analyseImageTar(streamOf(archive)), /layer blobs\/sha256\/(ab){32}/);
    });
  });
});
