// The Dockerfiles tests and benches run over. The project's own (test/fixtures/dockerfiles, written
// for this project) are always there; the external corpus (real Dockerfiles that are not ours) is
// an extra: SHIPSHAPE_CORPUS=DIR, else ../shared/corpus/dockerfiles beside the repository. This is
// the one place that says where it is: the `corpus` test group (scripts/test.mjs), its tests and
// the benches all ask here.
import fs from 'node:fs';
import path from 'node:path';

export interface DockerfileSet {
  /** What the tests name: "the project's fixtures" or "the corpus at …". */
  label: string;
  files: { name: string; text: string }[];
}

/** The repository's root, from out/test/support (compiled) or test/support alike. */
export const repoRoot = ((above) => (path.basename(above) === 'out' ? path.dirname(above) : above))(path.resolve(__dirname, '..', '..'));

export interface CorpusLocation {
  folder: string;
  /** Where the folder came from, for messages. */
  from: 'SHIPSHAPE_CORPUS' | 'beside the repository';
  present: boolean;
}

export function corpusLocation(env: NodeJS.ProcessEnv = process.env): CorpusLocation {
  const given = env.SHIPSHAPE_CORPUS;
  const folder = path.resolve(given || path.join(repoRoot, '..', 'shared', 'corpus', 'dockerfiles'));
  return { folder, from: given ? 'SHIPSHAPE_CORPUS' : 'beside the repository', present: fs.existsSync(folder) && fs.statSync(folder).isDirectory() };
}

/** Why there is no corpus, and how to give one. */
export function corpusMissing(location: CorpusLocation): string {
  return `no Dockerfile corpus at ${location.folder} (${location.from}); set SHIPSHAPE_CORPUS=DIR to a folder of Dockerfiles`;
}

/** The name and text of every file of the folder but its LICENSE. */
export function readDockerfiles(folder: string): { name: string; text: string }[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f !== 'LICENSE' && fs.statSync(path.join(folder, f)).isFile())
    .map((name) => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

/** The external corpus; throws with corpusMissing's reason when it is not there. */
export function readCorpus(env: NodeJS.ProcessEnv = process.env): DockerfileSet {
  const location = corpusLocation(env);
  if (!location.present) throw new Error(corpusMissing(location));
  return { label: `the corpus at ${location.folder}`, files: readDockerfiles(location.folder) };
}

/** Dockerfiles written for this project, in the repository. */
export function projectDockerfiles(): DockerfileSet {
  return { label: "the project's fixtures", files: readDockerfiles(path.join(repoRoot, 'test', 'fixtures', 'dockerfiles')) };
}
