// Which files `shipshape lint PATH...` checks, and whether each is a text file it may read: names
// people give Dockerfiles, folders walked, binary and huge files refused before they are parsed.
import fs from 'node:fs';
import path from 'node:path';

/** What a folder is searched for, in words for messages and help. */
export const DOCKERFILE_PATTERNS = 'Dockerfile, Dockerfile.*, *.Dockerfile, *_Dockerfile, *-Dockerfile and the same with Containerfile, in any case';

/**
 * Dockerfile-like names, case-insensitive (`dockerfile` and `app.Dockerfile` are common):
 * Dockerfile, Dockerfile.*, *.Dockerfile, *_Dockerfile, *-Dockerfile, and the Containerfile forms.
 * BuildKit's per-Dockerfile ignore files (`Dockerfile.dockerignore`, `.containerignore`) are not.
 */
export function isDockerfileName(name: string): boolean {
  if (/\.(docker|container)ignore$/i.test(name)) return false;
  return /^(docker|container)file(\..+)?$/i.test(name) || /.[._-](docker|container)file$/i.test(name);
}

/** Folders never walked into: dependencies and version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

/** A path given on the command line that cannot be checked: exit 2 with this message. */
export class LintInputError extends Error {
  constructor(
    message: string,
    /** Refused for its size alone. */
    readonly tooBig = false,
  ) {
    super(message);
  }
}

/** One file to lint: where it is, and how to show it (as the user typed it, or under the folder they typed). */
export interface LintInput {
  /** Absolute, or `-` for standard input. */
  file: string;
  shown: string;
  text: string;
}

export interface SkippedFile {
  shown: string;
  reason: string;
}

export interface LoadOptions {
  cwd: string;
  maxFileSize: number;
  readStdin(): Promise<Uint8Array>;
}

/**
 * Expands folders into the Dockerfile-like files below them (sorted, SKIPPED_FOLDERS left out) and
 * reads every file as text. A file named on the command line is checked whatever its name; one that
 * is not text, or too big, is a LintInputError, as is a path that matches no file. One found in a
 * folder is skipped instead, and said so.
 */
export async function loadDockerfiles(paths: string[], options: LoadOptions): Promise<{ inputs: LintInput[]; skipped: SkippedFile[] }> {
  const inputs: LintInput[] = [];
  const skipped: SkippedFile[] = [];
  for (const typed of paths) {
    if (typed === '-') {
      const read = decodeText(await options.readStdin(), options.maxFileSize);
      if ('refused' in read) throw new LintInputError(`- (standard input): ${read.refused}`, read.tooBig);
      inputs.push({ file: '-', shown: '-', text: read.text });
      continue;
    }
    const file = path.resolve(options.cwd, typed);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new LintInputError(`${typed}: no such file or folder`);
    }
    if (!stat.isDirectory()) {
      const read = readTextFile(file, options.maxFileSize);
      if ('refused' in read) throw new LintInputError(`${typed}: ${read.refused}`, read.tooBig);
      inputs.push({ file, shown: typed, text: read.text });
      continue;
    }
    const found = walk(file, shownPrefix(typed));
    let kept = 0;
    for (const f of found) {
      const read = readTextFile(f.file, options.maxFileSize);
      if ('refused' in read) skipped.push({ shown: f.shown, reason: read.refused });
      else (kept++, inputs.push({ ...f, text: read.text }));
    }
    if (kept === 0) {
      const why = found.length ? `its ${found.length === 1 ? 'one Dockerfile-like file was' : `${found.length} Dockerfile-like files were`} skipped` : `looked for ${DOCKERFILE_PATTERNS}`;
      throw new LintInputError(`${typed}: no Dockerfile to check in this folder (${why})`);
    }
  }
  return { inputs, skipped };
}

/** How files found under a folder are shown: `.` adds nothing, any other folder stays as typed. */
function shownPrefix(typed: string): string {
  const trimmed = typed.replace(/[\\/]+$/, '');
  if (trimmed === '.' || trimmed === '') return trimmed === '' ? typed.slice(0, 1) : '';
  return trimmed + path.sep;
}

function walk(dir: string, shown: string): { file: string; shown: string }[] {
  const out: { file: string; shown: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) out.push(...walk(file, `${shown}${entry.name}${path.sep}`));
    } else if (entry.isFile() && isDockerfileName(entry.name)) {
      out.push({ file, shown: `${shown}${entry.name}` });
    }
  }
  return out;
}

/** `tooBig`: refused for its size alone (a flag can raise the limit). */
export type TextRead = { text: string } | { refused: string; tooBig?: boolean };

const SNIFF = 64 * 1024;

/**
 * The file's text, or why it is refused. A regular file's size is checked before anything is read;
 * a pipe or device (`<(…)`, /dev/zero) is read a chunk at a time, and never past the limit or a NUL
 * in the first chunk.
 */
export function readTextFile(file: string, maxFileSize: number): TextRead {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile() && stat.size > maxFileSize) return tooBig(stat.size, maxFileSize);
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file is read in one chunk of its size (+1 to see it end); a new 64 KiB buffer per small file costs more than the read.
    const first = stat.isFile() ? stat.size + 1 : SNIFF;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunks.length === 0 ? first : SNIFF, maxFileSize + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (chunks.length === 1 && chunk.subarray(0, n).includes(0)) break;
      if (total > maxFileSize) return { refused: `over the ${formatSize(maxFileSize)} limit for a Dockerfile`, tooBig: true };
    }
    return decodeText(Buffer.concat(chunks), maxFileSize);
  } finally {
    fs.closeSync(fd);
  }
}

/** UTF-8 text without NUL bytes, up to maxFileSize bytes; a byte-order mark is kept, as the editor keeps it. */
export function decodeText(bytes: Uint8Array, maxFileSize: number): TextRead {
  if (bytes.length > maxFileSize) return tooBig(bytes.length, maxFileSize);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { refused: `not a text file (NUL byte at offset ${nul})` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { refused: 'not a text file (not valid UTF-8)' };
  }
}

function tooBig(size: number, limit: number): TextRead {
  return { refused: `${formatSize(size)}, over the ${formatSize(limit)} limit for a Dockerfile`, tooBig: true };
}

/** 1536 → "1.5 KiB"; 4194304 → "4 MiB". */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) (value /= 1024, unit++);
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}

/** "4MiB", "512k", "10 MB", "2000": bytes (K, M and G are powers of 1024, whether written KB or KiB). */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
  if (!match) return undefined;
  const power = ['', 'k', 'm', 'g'].indexOf(match[2]!.toLowerCase());
  return Math.round(Number(match[1]) * 1024 ** power);
}
