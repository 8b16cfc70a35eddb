// The build context as the Docker CLI sends it: a tar streamed from disk one file at a time (never the
// whole context in memory), without what .dockerignore excludes (@balena/dockerignore: Docker's own rules,
// `!` exceptions included), symlinks as symlinks, modes kept, owned by root. The Dockerfile and the
// .dockerignore are always sent; a Dockerfile outside the context goes in under a generated name, listed
// in the sent .dockerignore so that the daemon drops it from the context, as the CLI does.
import ignore, { type Ignore } from '@balena/dockerignore';
import { randomBytes } from 'node:crypto';
import { promises as fs, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { findDockerignore } from '../core/lint/build-context';

/** A file of the context that could not be read or sent: names the file and what to do. */
export class BuildContextError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'BuildContextError';
  }
}

export interface BuildContextTar {
  /** The tar; it fails with a BuildContextError when a file cannot be read. */
  stream: NodeJS.ReadableStream;
  /** The Dockerfile's name inside the tar (the build's `dockerfile` parameter), `/`-separated. */
  dockerfile: string;
  /** The .dockerignore whose rules were applied (absolute), if any. */
  dockerignore: string | undefined;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function describeReadError(error: unknown, file: string, dockerignore: string | undefined): BuildContextError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const where = dockerignore ?? '.dockerignore at the context root';
  return new BuildContextError(`cannot send ${file} in the build context (${reason}: ${(error as Error).message}); make it readable, or exclude it in ${where}`, file);
}

interface Sent {
  /** Name in the tar. */
  name: string;
  /** Where it is read from, or the content itself (mode 0644). */
  source: { file: string } | { content: string };
}

/**
 * The build context of `contextDir` for `dockerfile` (both absolute or relative to the working folder), the
 * Dockerfile sent as `dockerfileText` when given. The walk is lazy: a file is opened only when the daemon
 * has taken the bytes before it.
 */
export async function buildContextTar(contextDir: string, dockerfile: string, options: { dockerfileText?: string } = {}): Promise<BuildContextTar> {
  const root = path.resolve(contextDir);
  const dockerfilePath = path.resolve(dockerfile);
  const contextStat = await fs.stat(root).catch((error: unknown) => {
    throw new BuildContextError(`the build context ${root} cannot be read (${(error as Error).message}); pass an existing folder`, root);
  });
  if (!contextStat.isDirectory()) throw new BuildContextError(`the build context ${root} is not a folder; pass the folder the Dockerfile's COPY and ADD read from`, root);
  await fs.access(dockerfilePath).catch((error: unknown) => {
    throw new BuildContextError(`the Dockerfile ${dockerfilePath} cannot be read (${(error as Error).message})`, dockerfilePath);
  });

  const dockerignore = findDockerignore(dockerfilePath, root, (f) => statSync(f, { throwIfNoEntry: false })?.isFile() ?? false);
  const ignoreText = dockerignore === undefined ? undefined : await fs.readFile(dockerignore, 'utf8').catch((error: unknown) => {
    throw describeReadError(error, dockerignore, undefined);
  });
  const rules = (ignoreText ?? '').split(/\r?\n/);
  const matcher = ignore().add(rules);
  // A directory that .dockerignore excludes is still walked when some `!` rule may bring a file back.
  const hasExceptions = rules.some((r) => r.trim().startsWith('!'));

  const relative = path.relative(root, dockerfilePath);
  const inside = relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
  const dockerfileName = inside ? toPosix(relative) : `.dockerfile.${randomBytes(10).toString('hex')}`;
  // What the daemon reads as .dockerignore: the rules applied here (beside the Dockerfile or at the root).
  const sentIgnore = inside ? ignoreText : `${ignoreText ?? ''}\n.dockerignore\n${dockerfileName}\n`;
  // The text the caller read is the one sent: what it records is then what was built.
  const always: Sent[] = [{ name: dockerfileName, source: options.dockerfileText === undefined ? { file: dockerfilePath } : { content: options.dockerfileText } }];
  if (sentIgnore !== undefined) always.push({ name: '.dockerignore', source: { content: sentIgnore } });

  const pack = tar.pack();
  void streamInto(pack, root, always, { matcher, hasExceptions }, dockerignore).then(
    () => pack.finalize(),
    (error: unknown) => pack.destroy(error as Error),
  );
  return { stream: pack as unknown as NodeJS.ReadableStream, dockerfile: dockerfileName, dockerignore };
}

async function streamInto(pack: tar.Pack, root: string, always: Sent[], { matcher, hasExceptions }: { matcher: Ignore; hasExceptions: boolean }, dockerignore: string | undefined): Promise<void> {
  const alwaysNames = new Set(always.map((a) => a.name));
  for (const sent of always) {
    if ('content' in sent.source) await addContent(pack, sent.name, sent.source.content);
    else await addFile(pack, sent.name, sent.source.file, await lstat(sent.source.file, dockerignore), dockerignore);
  }
  const walk = async (relDir: string): Promise<void> => {
    const dir = path.join(root, relDir);
    const names = await fs.readdir(dir).catch((error: unknown) => {
      throw describeReadError(error, dir, dockerignore);
    });
    for (const entry of names.sort()) {
      const rel = relDir ? `${relDir}/${entry}` : entry;
      if (alwaysNames.has(rel)) continue;
      const full = path.join(root, rel);
      const stat = await lstat(full, dockerignore);
      const ignored = matcher.ignores(rel);
      if (stat.isDirectory()) {
        if (!ignored) pack.entry({ name: rel, type: 'directory', mode: stat.mode & 0o7777, mtime: stat.mtime, uid: 0, gid: 0 });
        if (!ignored || hasExceptions) await walk(rel);
      } else if (!ignored) {
        if (stat.isSymbolicLink()) pack.entry({ name: rel, type: 'symlink', linkname: await fs.readlink(full), mode: stat.mode & 0o7777, mtime: stat.mtime, uid: 0, gid: 0 });
        else if (stat.isFile()) await addFile(pack, rel, full, stat, dockerignore);
        // Sockets, FIFOs and devices are left out: the CLI refuses or skips them too, and no build reads them.
      }
    }
  };
  await walk('');
}

async function lstat(file: string, dockerignore: string | undefined): Promise<Stats> {
  return fs.lstat(file).catch((error: unknown) => {
    throw describeReadError(error, file, dockerignore);
  });
}

function addContent(pack: tar.Pack, name: string, content: string): Promise<void> {
  return new Promise((resolve, reject) => pack.entry({ name, mode: 0o644, mtime: new Date(), uid: 0, gid: 0 }, content, (error) => (error ? reject(error) : resolve())));
}

async function addFile(pack: tar.Pack, name: string, file: string, stat: Stats, dockerignore: string | undefined): Promise<void> {
  const handle = await fs.open(file, 'r').catch((error: unknown) => {
    throw describeReadError(error, file, dockerignore);
  });
  try {
    const size = (await handle.stat()).size;
    let sink!: NodeJS.WritableStream;
    const written = new Promise<void>((resolve, reject) => {
      sink = pack.entry({ name, size, mode: stat.mode & 0o7777, mtime: stat.mtime, uid: 0, gid: 0 }, (error) => (error ? reject(error) : resolve()));
    });
    try {
      await pipeline(handle.createReadStream({ autoClose: false }), sink);
      await written;
    } catch (error) {
      throw describeReadError(error, file, dockerignore);
    }
  } finally {
    await handle.close();
  }
}
