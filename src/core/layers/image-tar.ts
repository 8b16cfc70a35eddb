// The outer `docker save` tar, in one pass: every entry that looks like a layer (a tar, or a gzipped
// tar) is scanned as it streams, keyed by its entry name; JSON entries (manifest.json, index.json,
// configs, OCI manifests) are kept; everything else is drained. Which layers make the image, and in
// what order, is decided afterwards from the manifest (image-manifest.ts): in the OCI layout the
// manifest may come after the layers.
import path from 'node:path';
import { Transform, Writable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { layerScanner, normalisePath, type LayerScan } from './layer-files';

/** JSON entries larger than this are refused rather than buffered. */
export const JSON_LIMIT = 16 * 1024 * 1024;

export interface ArchiveContents {
  /** Layer scans by normalised entry name (`<id>/layer.tar`, `blobs/sha256/<hex>`). */
  layers: Map<string, LayerScan>;
  /** Symlinked entries (a classic layer that is the same as another): name → the name it points at. */
  links: Map<string, string>;
  /** JSON entries by normalised name. */
  json: Map<string, Buffer>;
}

type Sniffed = 'tar' | 'gzip' | 'zstd' | 'json' | 'other';

/** What an entry is, from its first bytes (at least 512 of them unless the entry is shorter). */
function sniff(head: Buffer, name: string): Sniffed {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x28b52ffd) return 'zstd';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  // An empty layer is a tar of nothing but zero blocks.
  if (head.length >= 512 && head.subarray(0, 512).every((b) => b === 0)) return 'tar';
  const first = head.toString('latin1').trimStart()[0];
  if (first === '{' || first === '[') return 'json';
  if (name.endsWith('.tar')) return 'tar';
  return 'other';
}

const SNIFF_BYTES = 512;

/** Reads one entry body: sniffs its start, then routes all of it (start included) where it belongs. */
function readEntry(name: string, size: number, body: NodeJS.ReadableStream, contents: ArchiveContents): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const head: Buffer[] = [];
    let headLength = 0;
    let route: ((chunk: Buffer) => boolean) | undefined;
    let finish: (() => void) | undefined;

    const decide = () => {
      const start = Buffer.concat(head);
      const kind = sniff(start, name);
      switch (kind) {
        case 'zstd':
          return reject(new Error(`zstd-compressed layer ${name} is not supported: save the image with an engine that writes uncompressed or gzip layers (docker save), or recompress the layer with gzip`));
        case 'json': {
          if (size > JSON_LIMIT) return reject(new Error(`${name}: a ${size}-byte JSON entry is larger than the ${JSON_LIMIT}-byte limit for image metadata; is this a docker save archive?`));
          const chunks: Buffer[] = [start];
          route = (chunk) => (chunks.push(chunk), true);
          finish = () => {
            contents.json.set(name, Buffer.concat(chunks));
            resolve();
          };
          return;
        }
        case 'tar':
        case 'gzip': {
          const scanner = layerScanner(name);
          let sink: Writable = scanner.sink;
          const failed = (error: Error) => {
            body.removeAllListeners('data');
            (body as unknown as { destroy?(e?: Error): void }).destroy?.(error);
            reject(error);
          };
          if (kind === 'gzip') {
            const gunzip = zlib.createGunzip();
            pipeline(gunzip, scanner.sink, (error) => error && failed(new Error(`layer ${name}: ${error.message}`)));
            sink = gunzip;
          }
          scanner.done.then((scan) => {
            contents.layers.set(name, scan);
            resolve();
          }, failed);
          route = (chunk) => sink.write(chunk);
          finish = () => sink.end();
          sink.on('drain', () => body.resume());
          route(start);
          return;
        }
        default:
          route = () => true;
          finish = resolve;
      }
    };

    body.on('data', (chunk: Buffer) => {
      if (!route) {
        head.push(chunk);
        headLength += chunk.length;
        if (headLength < SNIFF_BYTES) return;
        decide();
        return;
      }
      if (!route(chunk)) body.pause();
    });
    body.on('end', () => {
      if (!route) decide();
      finish?.();
    });
    body.on('error', reject);
  });
}

/** A symlink's target, relative to the link's folder: `a/layer.tar` → `../b/layer.tar` is `b/layer.tar`. */
const resolveLink = (linkName: string, target: string) => (target.startsWith('/') ? target : path.posix.join(path.posix.dirname(linkName), target));

/** Reads the whole outer archive; bytesRead is reported as the stream passes. */
export function readImageArchive(stream: NodeJS.ReadableStream, onProgress?: (bytesRead: number) => void): Promise<ArchiveContents> {
  const contents: ArchiveContents = { layers: new Map(), links: new Map(), json: new Map() };
  const extract = tar.extract();
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      onProgress?.(bytesRead);
      callback(null, chunk);
    },
  });
  return new Promise<ArchiveContents>((resolve, reject) => {
    let failure: Error | undefined;
    extract.on('entry', (header, body, next) => {
      const name = normalisePath(header.name);
      if (header.type === 'symlink' || header.type === 'link') {
        const target = header.type === 'symlink' ? normalisePath(resolveLink(name, header.linkname ?? '')) : normalisePath(header.linkname ?? '');
        contents.links.set(name, target);
        body.on('end', () => next());
        body.resume();
        return;
      }
      if (header.type !== 'file' && header.type !== 'contiguous-file') {
        body.on('end', () => next());
        body.resume();
        return;
      }
      readEntry(name, header.size ?? 0, body, contents).then(
        () => next(),
        (error: Error) => {
          failure = error;
          extract.destroy(error);
        },
      );
    });
    pipeline(stream as unknown as NodeJS.ReadableStream, counter, extract, (error) => {
      if (failure) return reject(failure);
      if (error) return reject(notAnArchive(error));
      resolve(contents);
    });
  });
}

function notAnArchive(error: Error): Error {
  if (/Invalid tar header|Unexpected end of data/i.test(error.message)) {
    const detail = error.message.replace(/\. Maybe .*$/, '').replace(/\.$/, '');
    return new Error(`not an image archive (${detail.toLowerCase()}): expected the tar that docker save (GET /images/{name}/get) writes`);
  }
  return error;
}
