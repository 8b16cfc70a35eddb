// A file replaced so that a crash at any moment leaves either the old or the new copy, never a mix:
// a temp file in the same folder is written and fsynced, renamed over the target, and the folder is
// fsynced so the rename itself is durable. Temp names carry the writer's pid (see isStaleTemp).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function fsyncPath(file: string, flags: string): Promise<void> {
  const handle = await fs.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `data` to `file` atomically; `beforeRename` runs once the new copy is durable and before it replaces the old one. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: { beforeRename?: () => Promise<void> } = {}): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await options.beforeRename?.();
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  if (process.platform !== 'win32') await fsyncPath(path.dirname(file), 'r');
}

/** The pid in a temp name writeFileAtomic made for `file` (`<file>.<pid>.<hex>.tmp`), or undefined for any other name. */
export function tempWriterPid(file: string, name: string): number | undefined {
  const base = path.basename(file);
  const m = name.startsWith(`${base}.`) ? /\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/.exec(name) : null;
  return m ? Number(m[1]) : undefined;
}
