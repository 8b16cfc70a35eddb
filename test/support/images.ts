// Local images of another platform, for tests: a minimal `docker save` archive (one empty layer,
// a config naming the architecture) loaded into the real daemon. Nothing is pulled.
import crypto from 'node:crypto';
import tar from 'tar-stream';
import type { DockerClient } from '../../src/docker/client';

export async function loadImageWithPlatform(client: DockerClient, tag: string, architecture: string, os = 'linux'): Promise<void> {
  const layer = Buffer.alloc(1024); // an empty tar: two zero blocks
  const diffId = `sha256:${crypto.createHash('sha256').update(layer).digest('hex')}`;
  const config = JSON.stringify({ architecture, os, config: {}, rootfs: { type: 'layers', diff_ids: [diffId] }, history: [{ created_by: 'shipshape test' }] });
  const manifest = JSON.stringify([{ Config: 'config.json', RepoTags: [tag], Layers: ['layer.tar'] }]);
  const pack = tar.pack();
  pack.entry({ name: 'layer.tar' }, layer);
  pack.entry({ name: 'config.json' }, config);
  pack.entry({ name: 'manifest.json' }, manifest);
  pack.finalize();
  const stream = (await client.api.loadImage(pack as unknown as NodeJS.ReadableStream)) as NodeJS.ReadableStream;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stream.on('end', () => (/"error"/.test(output) ? reject(new Error(output)) : resolve()));
    stream.on('error', reject);
  });
}

/** Builds an image offline (the legacy builder, through the Engine API) from a context of files given as text; labelled as the tests' own. */
export async function buildFromFiles(client: DockerClient, tag: string, files: Record<string, string>, labels: Record<string, string> = {}): Promise<void> {
  const context = tar.pack();
  for (const [name, text] of Object.entries(files)) context.entry({ name }, text);
  context.finalize();
  const stream = await client.api.buildImage(context as unknown as NodeJS.ReadableStream, { t: tag, labels: { 'dev.shipshape.test': 'true', ...labels }, rm: true, forcerm: true });
  await new Promise<void>((resolve, reject) =>
    client.api.modem.followProgress(stream, (error: Error | null, output: { error?: string }[]) => {
      const failed = error?.message ?? output.find((o) => o.error)?.error;
      return failed ? reject(new Error(`building ${tag}: ${failed}`)) : resolve();
    }),
  );
}
