// Images with known bytes for the layers tests and bench, built offline FROM busybox through the
// Engine API (the legacy builder here), labelled, and removed again by what the build made: the
// tagged image and the untagged images of earlier stages that carry the label too.
import tar from 'tar-stream';
import type { DockerClient } from '../../src/docker/client';

export interface BuiltImage {
  id: string;
  tag: string;
  /** Image IDs the build reported (`---> <id>` per step), the base's included. */
  steps: string[];
}

export async function buildLabelledImage(client: DockerClient, tag: string, dockerfile: string, labels: Record<string, string>): Promise<BuiltImage> {
  const context = tar.pack();
  context.entry({ name: 'Dockerfile' }, dockerfile);
  context.finalize();
  const stream = await client.api.buildImage(context as unknown as NodeJS.ReadableStream, { t: tag, labels, rm: true, forcerm: true });
  const steps: string[] = [];
  await new Promise<void>((resolve, reject) =>
    client.api.modem.followProgress(
      stream,
      (error: Error | null, output: { error?: string }[]) => {
        const failed = error?.message ?? output.find((o) => o.error)?.error;
        return failed ? reject(new Error(`building ${tag}: ${failed}`)) : resolve();
      },
      (event: { stream?: string }) => {
        const step = /^ ---> ([0-9a-f]{12,64})\s*$/.exec(event.stream ?? '');
        if (step) steps.push(step[1]!);
      },
    ),
  );
  const image = (await client.api.getImage(tag).inspect()) as { Id: string };
  return { id: image.Id, tag, steps };
}

/** Removes the tagged image, then earlier stages' images of the build that are untagged and carry `label`. */
export async function removeBuiltImage(client: DockerClient, image: BuiltImage, label: string): Promise<void> {
  await client.api
    .getImage(image.id)
    .remove({ force: true })
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 404) throw error;
    });
  for (const step of image.steps) {
    const info = (await client.api
      .getImage(step)
      .inspect()
      .catch(() => undefined)) as { Id: string; RepoTags?: string[]; Config?: { Labels?: Record<string, string> | null } } | undefined;
    if (!info || (info.RepoTags ?? []).length > 0 || !info.Config?.Labels?.[label]) continue;
    await client.api
      .getImage(info.Id)
      .remove()
      .catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404 && error.statusCode !== 409) throw error; // 409: a parent of another of its images, removed with it
      });
  }
}
