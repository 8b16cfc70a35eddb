// A pack's images made ready on the daemon: those built from a context the pack ships (how a pack
// works offline) through the Engine API's build, those named by reference pulled, each with
// progress lines. Built images carry the pack's label, so reset may remove them.
import fs from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { PACK_LABEL, type Pack, type PackImage } from '../core/labs/pack';
import { DaemonUnreachableError, DockerClient, onDaemon } from './client';
import { progressText } from './build';
import { daemonMessage } from './errors';

export interface ImageReadiness {
  image: PackImage;
  /** The reference it goes by on the daemon (the build's tag, or the pulled reference). */
  reference: string;
  present: boolean;
}

const referenceOf = (image: PackImage) => (image.kind === 'build' ? image.tag : image.digest ? `${image.reference.replace(/@.*$/, '')}@${image.digest}` : image.reference);

/** Which of the pack's images the daemon has (preflight). */
export async function imageReadiness(client: DockerClient, pack: Pack): Promise<ImageReadiness[]> {
  return Promise.all(
    pack.images.map(async (image) => {
      const reference = referenceOf(image);
      try {
        await onDaemon(client, (api) => api.getImage(reference).inspect());
        return { image, reference, present: true };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return { image, reference, present: false };
        throw error;
      }
    }),
  );
}

/** The build context as a tar stream of every file under the folder (read first, so a file problem is
 * not mistaken for the daemon's), paths relative to it; links are left out (the loader refused escaping ones). */
function contextTar(dir: string): NodeJS.ReadableStream {
  const files: { name: string; full: string }[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) files.push({ name, full: path.join(dir, name) });
    }
  };
  walk('');
  const pack = tar.pack();
  for (const f of files) {
    const stat = fs.statSync(f.full);
    pack.entry({ name: f.name, mode: stat.mode & 0o777, mtime: stat.mtime }, fs.readFileSync(f.full));
  }
  pack.finalize();
  return pack as unknown as NodeJS.ReadableStream;
}

async function follow(client: DockerClient, stream: NodeJS.ReadableStream, onLine: (line: string) => void, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    client.api.modem.followProgress(
      stream,
      (error: Error | null, output: { error?: string }[]) => {
        const failed = error?.message ?? output.find((o) => o.error)?.error;
        return failed ? reject(new Error(`${what}: ${failed.trim()}`)) : resolve();
      },
      (event: { stream?: string; status?: string; progress?: string; id?: string }) => {
        const text = progressText(event).trimEnd();
        if (text) onLine(text);
      },
    ),
  );
}

/** Builds or pulls every image the daemon lacks (all of them with `force`); progress as lines. */
export async function prepareImages(client: DockerClient, pack: Pack, options: { onLine?: (line: string) => void; force?: boolean } = {}): Promise<ImageReadiness[]> {
  const onLine = options.onLine ?? (() => undefined);
  const readiness = await imageReadiness(client, pack);
  for (const r of readiness) {
    if (r.present && !options.force) continue;
    const image = r.image;
    try {
      if (image.kind === 'build') {
        onLine(`building ${image.tag} from ${image.context}`);
        const context = contextTar(path.resolve(pack.root, image.context));
        const stream = await onDaemon(client, (api) =>
          api.buildImage(context, { t: image.tag, ...(image.dockerfile ? { dockerfile: image.dockerfile } : {}), labels: { [PACK_LABEL]: pack.id }, rm: true, forcerm: true }),
        );
        await follow(client, stream, onLine, `building ${image.tag}`);
      } else {
        onLine(`pulling ${r.reference}`);
        const stream = (await onDaemon(client, (api) => api.pull(r.reference))) as NodeJS.ReadableStream;
        await follow(client, stream, onLine, `pulling ${r.reference}`);
      }
      r.present = true;
    } catch (error) {
      if (error instanceof DaemonUnreachableError) throw error;
      throw new Error(`${pack.id}: image "${image.name}" could not be prepared: ${daemonMessage(error)}`);
    }
  }
  return readiness;
}

