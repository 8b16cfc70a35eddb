import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type * as Build from '../../src/docker/build';
import { TEST_LABEL, testClient, uniqueName } from '../support/daemon';

const root = path.join(__dirname, '..', '..', '..');

describe('docker/build in an esbuild bundle: BuildKit progress is decoded without any file beside the bundle (real daemon)', function () {
  this.timeout(120_000);
  const client = testClient();
  let dir: string;
  let tag: string | undefined;
  before(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shipshape-bundle-'))));
  after(async () => {
    if (tag) await client.api.getImage(tag).remove({ force: true }).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a bundle of src/docker/build.ts, outside the repository (no node_modules, no .proto), builds with BuildKit and reports its steps', async () => {
    // As scripts/build.mjs bundles: node, CommonJS, everything inlined (dockerode is its own bundle there; the client comes from here).
    const bundle = path.join(dir, 'build.js');
    await esbuild.build({ entryPoints: [path.join(root, 'src/docker/build.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['dockerode'], outfile: bundle, logLevel: 'silent' });
    const built = require(bundle) as typeof Build;
    await fs.writeFile(path.join(dir, 'Dockerfile'), `FROM busybox\nRUN echo ${uniqueName('bundle')}\n`);
    tag = `${uniqueName('bundle')}:1`;
    const steps: Build.BuildStep[] = [];
    const result = await built.buildImage(client, { dockerfile: path.join(dir, 'Dockerfile'), context: dir, tag, builder: 'buildkit', labels: { [TEST_LABEL]: 'true' } }, { onStep: (s) => steps.push(s) });
    assert.equal(result.builder, 'buildkit');
    assert.deepEqual(steps.map((s) => [s.index, s.total, s.line]), [[1, 2, 0], [2, 2, 1]]);
  });
});
