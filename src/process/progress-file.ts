// Progress kept in a file per pack id and version (the editor's global storage, or a CLI folder),
// written so that a crash at any moment leaves a readable copy (atomic-file.ts), and the current copy
// kept as .bak (a hard link: no byte is rewritten) just before the new one replaces it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { progressProblem, type Progress, type ProgressStore } from '../core/labs/progress';
import { fsyncPath, tempWriterPid, writeFileAtomic } from './atomic-file';

export class ProgressFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressFileError';
  }
}

/** A file name for a pack id and version that no id can turn into a path. */
export function progressFileName(packId: string, version: string): string {
  return `${encodeURIComponent(packId)}@${encodeURIComponent(version)}.json`;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export class FileProgressStore implements ProgressStore {
  constructor(readonly folder: string) {}

  fileOf(packId: string, version: string): string {
    return path.join(this.folder, progressFileName(packId, version));
  }

  async save(progress: Progress): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    const file = this.fileOf(progress.packId, progress.version);
    const { recovered: _recovered, ...kept } = progress;
    await writeFileAtomic(file, JSON.stringify(kept, null, 1), { beforeRename: () => this.keepBackup(file) });
  }

  /** The current main copy becomes the backup (replacing the older one atomically). */
  private async keepBackup(file: string): Promise<void> {
    const staged = `${file}.bak.${process.pid}.tmp`;
    await fs.rm(staged, { force: true });
    try {
      await fs.link(file, staged);
    } catch (error) {
      if (missing(error)) return; // the first save: nothing to keep yet
      // A file system without hard links: a copy, fsynced, does the same job.
      await fs.copyFile(file, staged);
      await fsyncPath(staged, 'r+');
    }
    await fs.rename(staged, `${file}.bak`);
  }

  async load(packId: string, version: string): Promise<Progress | undefined> {
    const file = this.fileOf(packId, version);
    await this.removeStaleTemps(file);
    const main = await this.read(file, packId, version);
    if (main.progress) return main.progress;
    const backup = await this.read(`${file}.bak`, packId, version);
    if (main.absent && backup.absent) return undefined;
    if (backup.progress)
      return { ...backup.progress, recovered: `${file} ${main.absent ? 'was missing' : `was unreadable (${main.problem})`}: restored the previous copy from ${path.basename(file)}.bak, saved ${backup.progress.savedAt}` };
    throw new ProgressFileError(
      `the progress of ${packId}@${version} cannot be read: ${file} ${main.absent ? 'is missing' : `is unreadable (${main.problem})`} and so is its backup (${backup.absent ? 'missing' : backup.problem}); move both aside to start this pack afresh`,
    );
  }

  /** Temp files a killed writer left (its process is gone); a live writer's are left alone. */
  private async removeStaleTemps(file: string): Promise<void> {
    const names = await fs.readdir(this.folder).catch(() => [] as string[]);
    for (const name of names) {
      const pid = tempWriterPid(file, name);
      if (pid !== undefined && !alive(pid)) await fs.rm(path.join(this.folder, name), { force: true });
    }
  }

  private async read(file: string, packId: string, version: string): Promise<{ progress?: Progress; absent?: boolean; problem?: string }> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (missing(error)) return { absent: true };
      return { problem: (error as Error).message };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { problem: `not JSON: ${(error as Error).message}` };
    }
    const problem = progressProblem(value, packId, version);
    return problem ? { problem } : { progress: value as Progress };
  }
}
