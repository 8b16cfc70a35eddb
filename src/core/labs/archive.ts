// A pack handed out as .tar.gz/.tgz or .zip, unpacked safely: every entry must stay inside the unpack
// folder (no `../`, no absolute paths), links and device files are refused (all links, inside or out:
// a pack has no need for them and a link is the classic way out of the folder), and entry count and
// unpacked bytes are capped while streaming, so a bomb is stopped before it is written out.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import yauzl from 'yauzl';

export interface ArchiveLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 2000, maxBytes: 100 * 1024 * 1024 };

/** Why an archive was refused: the message names the entry; the hint says what to do. */
export class ArchiveError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export type ArchiveFormat = 'tar.gz' | 'zip';

export function archiveFormat(file: string): ArchiveFormat | undefined {
  const lower = file.toLowerCase();
  return lower.endsWith('.tar.gz') || lower.endsWith('.tgz') ? 'tar.gz' : lower.endsWith('.zip') ? 'zip' : undefined;
}

const REPACK = 'repack the pack folder without it';

/** Where an entry goes inside `dest`, or an ArchiveError naming it. */
function destination(dest: string, name: string): string {
  const unixName = name.replace(/\\/g, '/');
  if (unixName.startsWith('/') || /^[a-zA-Z]:/.test(unixName)) throw new ArchiveError(`archive entry "${name}" has an absolute path`, `${REPACK}: entries are relative to the pack folder`);
  if (unixName.split('/').includes('..')) throw new ArchiveError(`archive entry "${name}" escapes the pack folder (..)`, `${REPACK}: no entry may leave the pack folder`);
  const target = path.resolve(dest, unixName);
  const relative = path.relative(dest, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new ArchiveError(`archive entry "${name}" escapes the pack folder`, REPACK);
  return target;
}

/** Counts entries and bytes against the limits as they stream. */
class Budget {
  private entries = 0;
  private bytes = 0;
  constructor(private readonly limits: ArchiveLimits) {}

  entry(name: string): void {
    if (++this.entries > this.limits.maxEntries)
      throw new ArchiveError(`the archive has more than ${this.limits.maxEntries} entries (stopped at "${name}")`, 'a pack this large is refused; remove files it does not need');
  }

  /** Before an entry is read: refused at once when the size it declares is already too much. */
  declared(name: string, size: number): void {
    if (this.bytes + size > this.limits.maxBytes) this.tooLarge(name);
  }

  add(name: string, size: number): void {
    this.bytes += size;
    if (this.bytes > this.limits.maxBytes) this.tooLarge(name);
  }

  private tooLarge(name: string): never {
    throw new ArchiveError(`the archive unpacks to more than ${formatMiB(this.limits.maxBytes)} (stopped at "${name}")`, 'a pack this large is refused; remove files it does not need (images are built from contexts, not shipped)');
  }
}

const formatMiB = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB` : `${bytes} bytes`);

/**
 * Writes one file's stream, counting its bytes; `wx` refuses an entry that is already there (a duplicate).
 * The stream is opened only once its folder exists: a zip entry's stream starts inflating as soon as it is opened.
 */
async function writeEntry(open: () => Promise<Readable>, target: string, name: string, budget: Budget, mode: number): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const stream = await open();
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        budget.add(name, chunk.length);
        done(null, chunk);
      } catch (e) {
        done(e as Error);
      }
    },
  });
  try {
    await pipeline(stream, counter, fs.createWriteStream(target, { flags: 'wx', mode: mode & 0o755 }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ArchiveError(`archive entry "${name}" appears twice`, REPACK);
    throw e;
  }
}

function linkError(name: string, kind: string, to: string | undefined): ArchiveError {
  return new ArchiveError(`archive entry "${name}" is a ${kind}${to ? ` to "${to}"` : ''}: links are refused in pack archives`, 'replace the link with a copy of the file it points to');
}

async function unpackTarGz(archive: string, dest: string, budget: Budget): Promise<void> {
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = header.name;
    const go = async () => {
      budget.entry(name);
      const target = destination(dest, name);
      switch (header.type) {
        case 'file':
        case 'contiguous-file':
          budget.declared(name, header.size ?? 0);
          await writeEntry(async () => stream, target, name, budget, header.mode ?? 0o644);
          return;
        case 'directory':
          await fs.promises.mkdir(target, { recursive: true });
          break;
        case 'symlink':
        case 'link':
          throw linkError(name, header.type === 'link' ? 'hard link' : 'symbolic link', header.linkname ?? undefined);
        default:
          throw new ArchiveError(`archive entry "${name}" is a ${header.type} (a device, FIFO or other special file), which packs may not contain`, REPACK);
      }
      stream.resume();
    };
    go().then(() => next(), (e: Error) => extract.destroy(e));
  });
  await pipeline(fs.createReadStream(archive), zlib.createGunzip(), extract);
}

const S_IFMT = 0o170000;
const FILE_TYPES: Record<number, string> = { 0o120000: 'symbolic link', 0o020000: 'character device', 0o060000: 'block device', 0o010000: 'FIFO', 0o140000: 'socket' };

async function unpackZip(archive: string, dest: string, budget: Budget): Promise<void> {
  // decodeStrings: false so that yauzl leaves names to us and every refusal names its entry in our words.
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(archive, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        const go = async () => {
          const name = (entry.fileName as unknown as Buffer).toString('utf8');
          budget.entry(name);
          const target = destination(dest, name);
          const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
          const special = FILE_TYPES[unixMode & S_IFMT];
          if (special === 'symbolic link') throw linkError(name, special, undefined);
          if (special) throw new ArchiveError(`archive entry "${name}" is a ${special}, which packs may not contain`, REPACK);
          if (name.endsWith('/')) {
            await fs.promises.mkdir(target, { recursive: true });
            return;
          }
          // Refused before reading when it says it is too large; counted while streaming in case it lies.
          budget.declared(name, entry.uncompressedSize);
          const open = () => new Promise<Readable>((res, rej) => zip.openReadStream(entry, (e, s) => (e ? rej(e) : res(s))));
          try {
            await writeEntry(open, target, name, budget, unixMode & 0o777 || 0o644);
          } catch (e) {
            if (/too many bytes in the stream/.test((e as Error).message))
              throw new ArchiveError(`archive entry "${name}" unpacks to more than the ${entry.uncompressedSize} bytes its header says`, 'the archive is damaged (or a zip bomb): make it again from the pack folder');
            throw e;
          }
        };
        go().then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

export const MANIFEST_NAME = 'shipshape-pack.yaml';

/**
 * Unpacks an archive into `dest` (created if needed; removed again on failure when this call created it) and
 * returns the pack's folder: `dest` itself, or the one top-level folder the manifest is in.
 */
export async function unpackArchive(archive: string, dest: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<string> {
  const format = archiveFormat(archive);
  if (!format) throw new ArchiveError(`"${archive}" is not a .zip, .tar.gz or .tgz file`, 'give a pack folder or an archive of one');
  const created = !fs.existsSync(dest);
  await fs.promises.mkdir(dest, { recursive: true });
  const root = await fs.promises.realpath(dest);
  try {
    const budget = new Budget(limits);
    await (format === 'zip' ? unpackZip(archive, root, budget) : unpackTarGz(archive, root, budget));
    return await packFolder(root, archive);
  } catch (e) {
    if (created) await fs.promises.rm(root, { recursive: true, force: true });
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(`cannot unpack "${path.basename(archive)}": ${(e as Error).message}`, `check that it is a valid ${format} file`);
  }
}

/** The folder the manifest is in: the unpacked root, or its one top-level folder. */
async function packFolder(root: string, archive: string): Promise<string> {
  if (fs.existsSync(path.join(root, MANIFEST_NAME))) return root;
  const top = (await fs.promises.readdir(root, { withFileTypes: true })).filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX');
  if (top.length === 1 && top[0]!.isDirectory() && fs.existsSync(path.join(root, top[0]!.name, MANIFEST_NAME))) return path.join(root, top[0]!.name);
  throw new ArchiveError(`no ${MANIFEST_NAME} in "${path.basename(archive)}"`, `put ${MANIFEST_NAME} at the archive's root or in its one top-level folder`);
}
