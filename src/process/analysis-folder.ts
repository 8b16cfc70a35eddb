// Where layer analyses outlive the process: a folder of `<hex>.json` files by image ID, each replaced
// atomically (writeFileAtomic), so a crash leaves the old copy or the new one, never a torn file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AnalysisStore } from '../docker/layers';
import { writeFileAtomic } from './atomic-file';

export function analysisFolder(folder: string): AnalysisStore {
  const file = (id: string) => path.join(folder, `${id.replace(/^sha256:/, '').replace(/[^0-9a-zA-Z_.-]/g, '_')}.json`);
  return {
    async load(id) {
      try {
        return await fs.readFile(file(id), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async save(id, json) {
      await fs.mkdir(folder, { recursive: true });
      await writeFileAtomic(file(id), json);
    },
  };
}
