// What the TypeScript benchmarks share: the median, and the Dockerfiles they run over.
import path from 'node:path';
import { corpusLocation, corpusMissing } from '../test/support/corpus';

export { readDockerfiles } from '../test/support/corpus';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The folder given, or the external corpus where the tests find it (SHIPSHAPE_CORPUS, else
 * ../shared/corpus/dockerfiles beside the repository); exits with the reason when there is none. */
export function dockerfileFolder(given: string | undefined): string {
  if (given) return path.resolve(given);
  const location = corpusLocation();
  if (location.present) return location.folder;
  console.error(`error: ${corpusMissing(location)}, or name a folder of Dockerfiles on the command line`);
  process.exit(2);
}
