// Copying files out of a container and into one, as `docker cp` does.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { DockerClient, onDaemon } from './client';

/** Why `containerPath` cannot name a file in a Linux container, or undefined when it can. */
export function containerPathProblem(containerPath: string): string | undefined {
  if (containerPath.includes('\0')) return 'it contains a NUL character';
  if (!containerPath.startsWith('/')) return 'it is not absolute: start it with /';
  return undefined;
}

function checkContainerPath(containerPath: string): void {
  const problem = containerPathProblem(containerPath);
  if (problem) throw new Error(`cannot use the container path "${containerPath.replace(/\0/g, '\\0')}": ${problem}`);
}

export interface CopiedOut {
  /** Files, folders and links written under the host folder. */
  entries: number;
  /** Archive entries that are neither file, folder nor symlink (devices, hard links), not written. */
  skipped: string[];
}

/** Copies a file or folder out of a container into `hostDir`, as `docker cp` does (no symlink is followed). */
export async function copyFromContainer(client: DockerClient, id: string, containerPath: string, hostDir: string): Promise<CopiedOut> {
  checkContainerPath(containerPath);
  const root = fs.realpathSync(hostDir);
  const archive = (await onDaemon(client, (api) => api.getContainer(id).getArchive({ path: containerPath }))) as Readable;
  const result: CopiedOut = { entries: 0, skipped: [] };
  const inside = (target: string) => target === root || target.startsWith(root + path.sep);
  const extract = tar.extract();
  extract.on('entry', (header: tar.Headers, body: Readable, next: (error?: unknown) => void) => {
    void (async () => {
      // Entries are relative to the copied item ("x", "d/a"); "/" and "." copies start with "/" or "./".
      const name = header.name.replace(/^(\.?\/)+/, '');
      const target = path.resolve(root, name);
      if (!inside(target)) throw new Error(`the archive entry "${header.name}" would land outside ${root}; nothing after it was copied`);
      if (header.type === 'directory') {
        await fs.promises.mkdir(target, { recursive: true });
        body.resume();
      } else if (header.type === 'file' || header.type === 'contiguous-file' || header.type === 'symlink') {
        const parent = path.dirname(target);
        await fs.promises.mkdir(parent, { recursive: true });
        // An earlier symlink entry must not carry a later file out of the chosen folder.
        if (!inside(await fs.promises.realpath(parent))) throw new Error(`the archive entry "${header.name}" goes through a symlink out of ${root}`);
        await fs.promises.rm(target, { force: true });
        if (header.type === 'symlink') {
          await fs.promises.symlink(header.linkname ?? '', target);
          body.resume();
        } else {
          await pipeline(body, fs.createWriteStream(target, { mode: (header.mode ?? 0o644) & 0o777 }));
        }
      } else {
        result.skipped.push(header.name);
        body.resume();
        return;
      }
      result.entries++;
    })().then(() => next(), next);
  });
  await pipeline(archive, extract);
  return result;
}

/** Copies host files into the folder `containerDir` of a container, which must exist there. */
export async function copyIntoContainer(client: DockerClient, id: string, hostFiles: readonly string[], containerDir: string): Promise<void> {
  checkContainerPath(containerDir);
  const pack = tar.pack();
  const upload = onDaemon(client, (api) => api.getContainer(id).putArchive(pack, { path: containerDir }));
  let reading: fs.ReadStream | undefined;
  const packing = (async () => {
    for (const file of hostFiles) {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) throw new Error(`${file} is not a regular file; pick files, not folders or devices`);
      reading = fs.createReadStream(file);
      await pipeline(reading, pack.entry({ name: path.basename(file), size: stat.size, mode: stat.mode & 0o777, mtime: stat.mtime, type: 'file' }));
    }
    pack.finalize();
  })();
  try {
    await Promise.all([upload, packing]);
  } catch (error) {
    // The daemon refused (no such folder) or a file failed: stop the other side too.
    reading?.destroy();
    pack.destroy();
    void packing.catch(() => undefined);
    void upload.catch(() => undefined);
    throw error;
  }
}

/** One path of a container as its archive's first entry describes it, with up to maxBytes of a file's content. */
export interface ContainerPathEntry {
  header: tar.Headers;
  content?: Buffer;
  truncated: boolean;
}

/** Reads only the first entry of the path's archive (a folder's own entry, not what is in it), then stops the stream. */
export async function readContainerPath(client: DockerClient, id: string, containerPath: string, maxBytes: number): Promise<ContainerPathEntry> {
  checkContainerPath(containerPath);
  const archive = (await onDaemon(client, (api) => api.getContainer(id).getArchive({ path: containerPath }))) as Readable;
  const extract = tar.extract();
  const first = new Promise<ContainerPathEntry>((resolve, reject) => {
    extract.once('entry', (header: tar.Headers, body: Readable) => {
      if (header.type !== 'file' && header.type !== 'contiguous-file') return resolve({ header, truncated: false });
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
        size += chunk.length;
        if (size >= maxBytes) resolve({ header, content: Buffer.concat(chunks), truncated: size > maxBytes || (header.size ?? 0) > maxBytes });
      });
      body.on('end', () => resolve({ header, content: Buffer.concat(chunks), truncated: false }));
      body.on('error', reject);
    });
    extract.on('error', reject);
    extract.on('finish', () => reject(new Error(`the daemon's archive of ${containerPath} had no entries`)));
  });
  archive.on('error', (error) => extract.destroy(error));
  archive.pipe(extract);
  try {
    return await first;
  } finally {
    archive.destroy();
    extract.destroy();
  }
}
