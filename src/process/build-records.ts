// Which image was last built from which Dockerfile: one JSON file per Dockerfile in a folder (the editor's
// storage, or a CLI folder), named from a hash of the Dockerfile's path, written atomically. A file that
// cannot be read is reported with its path and treated as no record: a build then writes a good one.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BuildRecord } from '../core/layers/types';
import { writeFileAtomic } from './atomic-file';

export interface BuildRecordProblem {
  file: string;
  message: string;
}

const STRING_FIELDS = ['dockerfile', 'context', 'imageId', 'tag', 'builtAt', 'text'] as const;

/** Why a value is not a BuildRecord, or undefined when it is one. */
function recordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  const missing = STRING_FIELDS.filter((f) => typeof record[f] !== 'string');
  if (missing.length) return `${missing.map((f) => `"${f}"`).join(', ')} missing or not text`;
  if (record.builder !== 'buildkit' && record.builder !== 'legacy') return `"builder" is ${JSON.stringify(record.builder)}, not "buildkit" or "legacy"`;
  return undefined;
}

export class BuildRecordStore {
  constructor(
    readonly folder: string,
    /** Told about each file that cannot be read; by default a process warning. */
    private readonly onProblem: (problem: BuildRecordProblem) => void = (p) => process.emitWarning(p.message, 'BuildRecordWarning'),
  ) {}

  /** The file that holds the record of a Dockerfile (absolute path). */
  fileOf(dockerfile: string): string {
    const resolved = path.resolve(dockerfile);
    const hash = createHash('sha256').update(resolved).digest('hex').slice(0, 16);
    // The base name is only for a person looking at the folder; the hash tells Dockerfiles apart.
    const base = path.basename(resolved).replace(/[^A-Za-z0-9._-]/g, '_');
    return path.join(this.folder, `${base}-${hash}.json`);
  }

  async save(record: BuildRecord): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.fileOf(record.dockerfile), `${JSON.stringify(record, null, 1)}\n`);
  }

  async load(dockerfile: string): Promise<BuildRecord | undefined> {
    const record = await this.read(this.fileOf(dockerfile));
    // Two paths with one hash prefix, or a file copied by hand: a record of another Dockerfile is none of this one.
    return record && path.resolve(record.dockerfile) === path.resolve(dockerfile) ? record : undefined;
  }

  /** Every readable record, most recent build first. */
  async all(): Promise<BuildRecord[]> {
    const names = await fs.readdir(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const records = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.read(path.join(this.folder, n))));
    return records.filter((r): r is BuildRecord => r !== undefined).sort((a, b) => b.builtAt.localeCompare(a.builtAt));
  }

  private async read(file: string): Promise<BuildRecord | undefined> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return this.problem(file, `cannot be read (${(error as Error).message})`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.problem(file, `is not JSON (${(error as Error).message})`);
    }
    const problem = recordProblem(value);
    return problem ? this.problem(file, `is not a build record: ${problem}`) : (value as BuildRecord);
  }

  private problem(file: string, what: string): undefined {
    this.onProblem({ file, message: `the build record ${file} ${what}; it is ignored, and the next build of its Dockerfile replaces it` });
    return undefined;
  }
}
