// What the TypeScript benchmarks share: the median, and the Dockerfiles they run over.
import fs from 'node:fs';
import path from 'node:path';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The folder given, or ../shared/corpus/dockerfiles beside the repository (benches run from out/bench). */
export function dockerfileFolder(given: string | undefined): string {
  return path.resolve(given ?? path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'dockerfiles'));
}

/** The name and text of every file of the folder but its LICENSE. */
export function readDockerfiles(folder: string): { name: string; text: string }[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f !== 'LICENSE' && fs.statSync(path.join(folder, f)).isFile())
    .map((name) => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}
