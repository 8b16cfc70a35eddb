// Loads a lab pack (a folder, a .zip or a .tar.gz of one) into the Pack model: the manifest parsed with
// positions, validated against the JSON Schema, then every reference checked. All problems come back
// at once, in file order, as file:line:col with a hint; a pack only when there is no error.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArchiveError, DEFAULT_ARCHIVE_LIMITS, MANIFEST_NAME, archiveFormat, unpackArchive, type ArchiveLimits } from './archive';
import { assemblePack } from './assemble';
import type { CheckKind } from './check';
import { CHECK_KINDS } from './checks/index';
import { ProblemList, validateManifest, type Located } from './manifest';
import type { Pack, PackProblem } from './pack';
import { offsetOf, parseYaml, positionAt, type ParsedYaml, type YamlPath } from '../yaml-positions';

export interface LoadOptions {
  /** The check kinds a pack may use; default: every registered kind (CHECK_KINDS). */
  kinds?: readonly CheckKind[];
  /** Where an archive is unpacked; default: a fresh temporary folder. */
  unpackDir?: string;
  /** For archives; default 2000 entries, 100 MiB unpacked. */
  limits?: ArchiveLimits;
  /** The manifest's text when it is not the file's (an editor's unsaved buffer: problems as you type). */
  manifestText?: string;
}

export interface LoadResult {
  /** Only when there is no 'error' problem. */
  pack: Pack | undefined;
  problems: PackProblem[];
}

/** `file:line:col: message` and, on the next line, `  hint: …`; warnings say so. */
export function formatProblem(p: PackProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
}

const fileProblem = (file: string, message: string, hint: string): PackProblem => ({ file, line: 1, column: 1, message, hint, severity: 'error' });
const failed = (problem: PackProblem): LoadResult => ({ pack: undefined, problems: [problem] });

/** The files of a pack, as sorted relative paths (with '/'), skipping .git. */
async function packFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.promises.readdir(path.join(root, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git') files.push(...(await packFiles(root, relative)));
    } else files.push(relative);
  }
  return files.sort();
}

/** sha256 over every file of the pack: its relative path, its length and its bytes (a link: its target), in path order. */
export async function contentHash(root: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const file of await packFiles(root)) {
    const full = path.join(root, file);
    const bytes = (await fs.promises.lstat(full)).isSymbolicLink() ? Buffer.from(await fs.promises.readlink(full)) : await fs.promises.readFile(full);
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** Where the pack's folder is: the folder given, the folder of a manifest given, or an archive unpacked. */
async function packRoot(given: string, options: LoadOptions): Promise<{ root: string } | { problem: PackProblem }> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(given);
  } catch {
    return { problem: fileProblem(given, `no pack at "${given}"`, 'give a pack folder (with shipshape-pack.yaml), a .zip or a .tar.gz of one') };
  }
  if (stat.isDirectory()) return { root: given };
  if (path.basename(given) === MANIFEST_NAME) return { root: path.dirname(given) };
  if (!archiveFormat(given)) return { problem: fileProblem(given, `"${given}" is neither a pack folder nor a .zip, .tar.gz or .tgz archive`, 'give a pack folder (with shipshape-pack.yaml), a .zip or a .tar.gz of one') };
  const temporary = options.unpackDir === undefined ? await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipshape-pack-')) : undefined;
  try {
    return { root: await unpackArchive(given, temporary ?? options.unpackDir!, options.limits ?? DEFAULT_ARCHIVE_LIMITS) };
  } catch (e) {
    if (temporary) await fs.promises.rm(temporary, { recursive: true, force: true });
    if (e instanceof ArchiveError) return { problem: fileProblem(given, e.message, e.hint) };
    throw e;
  }
}

function position(parsed: ParsedYaml, file: string, located: Located): PackProblem {
  const at = positionAt(parsed, offsetOf(parsed.doc, located.path, located.key));
  return { file, ...at, message: located.message, ...(located.hint ? { hint: located.hint } : {}), severity: located.severity };
}

const inFileOrder = (a: PackProblem, b: PackProblem) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

export async function loadPack(given: string, options: LoadOptions = {}): Promise<LoadResult> {
  const found = await packRoot(given, options);
  if ('problem' in found) return failed(found.problem);
  const manifestFile = path.join(found.root, MANIFEST_NAME);
  let text: string;
  try {
    text = options.manifestText ?? (await fs.promises.readFile(manifestFile, 'utf8'));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return failed(fileProblem(manifestFile, missing ? `no ${MANIFEST_NAME} in "${found.root}"` : `cannot read ${MANIFEST_NAME}: ${(e as Error).message}`, missing ? 'a pack folder has shipshape-pack.yaml at its root; "New Lab Pack…" scaffolds one' : 'check the file and its permissions'));
  }
  const parsed = parseYaml(text);
  if (parsed.syntax.length) {
    const problems = parsed.syntax.map((s) => ({ file: manifestFile, ...positionAt(parsed, s.offset), message: s.message, hint: s.hint, severity: 'error' as const }));
    return { pack: undefined, problems: problems.sort(inFileOrder) };
  }
  const data: unknown = parsed.doc.toJS() ?? {};
  const kinds = options.kinds ?? CHECK_KINDS;
  const problems = new ProblemList();
  validateManifest(data, kinds, problems);
  const root = path.resolve(found.root);
  const at = (p: YamlPath) => ({ file: manifestFile, ...positionAt(parsed, offsetOf(parsed.doc, p)) });
  const assembled = await assemblePack(data, { root, manifestFile, kinds: new Map(kinds.map((k) => [k.meta.kind, k])), at, problems });
  const positioned = problems.items.map((l) => position(parsed, manifestFile, l)).sort(inFileOrder);
  if (problems.hasErrors || !assembled) return { pack: undefined, problems: positioned };
  return { pack: { ...assembled, contentHash: await contentHash(root) }, problems: positioned };
}
