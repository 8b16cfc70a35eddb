// What the TypeScript benchmarks share: the median, and the Dockerfiles they run over.
import { spawnSync } from 'node:child_process';
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

/** The text with its middle line changed (trailing blanks differ per `n`, 50 variants): what a keystroke in the file does. */
export function edited(text: string, n: number): string {
  const lines = text.split('\n');
  const at = Math.floor(lines.length / 2);
  lines[at] = `${lines[at]}${' '.repeat(1 + (n % 50))}`;
  return lines.join('\n');
}

/** A 1,000-line Dockerfile: RUNs continued over two lines, ENV and COPY lines (the editor's keystroke benches). */
export function bigDockerfile(): string {
  const lines: string[] = ['FROM debian:12'];
  for (let i = 0; lines.length < 1000; i++) {
    lines.push(i % 4 === 0 ? `RUN apt-get update && apt-get install -y --no-install-recommends pkg${i} \\` : i % 4 === 1 ? `    other${i} && rm -rf /var/lib/apt/lists/*` : i % 4 === 2 ? `ENV VAR_${i}=value${i}` : `COPY file${i} /opt/file${i}`);
  }
  return lines.join('\n') + '\n';
}

/** Wall time in ms of `node ARGS` (exit 0 or 1, as a lint with findings; anything else throws with its stderr). */
export function nodeWall(args: string[]): number {
  const t = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ').slice(0, 80)}…: exit ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
