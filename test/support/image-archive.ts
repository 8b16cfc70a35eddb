// Image archives made in memory, for the analysis' tests: layer tars from entry lists, and the two
// `docker save` layouts around them (classic: `<id>/layer.tar`, `<id>.json`, manifest.json; OCI as
// Docker ≥ 25 writes it: blobs/sha256/<hex>, index.json, oci-layout and manifest.json).
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import tar from 'tar-stream';

export interface LayerEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  /** A regular file's size (its body is zeros). */
  size?: number;
  linkname?: string;
  mode?: number;
}

function packToBuffer(fill: (pack: tar.Pack) => void): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pack.on('data', (chunk: Buffer) => chunks.push(chunk));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
  fill(pack);
  pack.finalize();
  return done;
}

export function layerTar(entries: LayerEntry[]): Promise<Buffer> {
  return packToBuffer((pack) => {
    for (const e of entries) {
      const type = e.type ?? (e.name.endsWith('/') ? 'directory' : 'file');
      const header = { name: e.name, type, mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644), ...(e.linkname ? { linkname: e.linkname } : {}) };
      pack.entry(header, type === 'file' ? Buffer.alloc(e.size ?? 0) : undefined);
    }
  });
}

export const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

export interface HistoryJson {
  created_by: string;
  empty_layer?: boolean;
  comment?: string;
}

/** An image config over the layers (diff_ids from their bytes), one history entry per layer unless given. */
export function imageConfig(layers: Buffer[], history?: HistoryJson[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: layers.map((l) => `sha256:${sha256(l)}`) },
      history: history ?? layers.map((_, i) => ({ created_by: `/bin/sh -c layer ${i}` })),
    }),
  );
}

export interface ArchiveFile {
  name: string;
  data?: Buffer;
  /** A symlink entry instead of a file. */
  linkname?: string;
}

export function archiveOf(files: ArchiveFile[]): Promise<Buffer> {
  return packToBuffer((pack) => {
    for (const f of files) {
      if (f.linkname) pack.entry({ name: f.name, type: 'symlink', linkname: f.linkname });
      else pack.entry({ name: f.name, mode: 0o644 }, f.data ?? Buffer.alloc(0));
    }
  });
}

/** The classic layout; a layer whose bytes repeat an earlier one's is a symlink to it, as docker save writes it. */
export function classicArchive(config: Buffer, layers: Buffer[], repoTags: string[] = []): Promise<Buffer> {
  const configHex = sha256(config);
  const files: ArchiveFile[] = [];
  const names: string[] = [];
  const byDigest = new Map<string, string>();
  layers.forEach((layer, i) => {
    const id = sha256(`${configHex}-${i}`);
    const name = `${id}/layer.tar`;
    const same = byDigest.get(sha256(layer));
    files.push({ name: `${id}/VERSION`, data: Buffer.from('1.0') });
    files.push(same ? { name, linkname: `../${same}` } : { name, data: layer });
    if (!same) byDigest.set(sha256(layer), name);
    names.push(name);
  });
  files.push({ name: `${configHex}.json`, data: config });
  files.push({ name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: `${configHex}.json`, RepoTags: repoTags, Layers: names }])) });
  return archiveOf(files);
}

export interface OciOptions {
  gzip?: boolean;
  /** Write manifest.json too (Docker ≥ 25 does); without it the index is all there is. */
  manifestJson?: boolean;
  /** Put the JSON entries after the layer blobs (the order is not fixed in an OCI layout). */
  metadataLast?: boolean;
}

/** The OCI layout as Docker ≥ 25 writes it. */
export function ociArchive(config: Buffer, layers: Buffer[], repoTags: string[] = [], options: OciOptions = {}): Promise<Buffer> {
  const blob = (data: Buffer) => ({ name: `blobs/sha256/${sha256(data)}`, data });
  const layerBlobs = layers.map((l) => blob(options.gzip ? zlib.gzipSync(l) : l));
  const mediaType = options.gzip ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.oci.image.layer.v1.tar';
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${sha256(config)}`, size: config.length },
      layers: layerBlobs.map((b) => ({ mediaType, digest: `sha256:${sha256(b.data)}`, size: b.data.length })),
    }),
  );
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${sha256(manifest)}`, size: manifest.length, annotations: repoTags[0] ? { 'io.containerd.image.name': repoTags[0] } : {} }],
  };
  const metadata: ArchiveFile[] = [blob(config), blob(manifest), { name: 'index.json', data: Buffer.from(JSON.stringify(index)) }, { name: 'oci-layout', data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') }];
  if (options.manifestJson !== false) {
    metadata.push({ name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: blob(config).name, RepoTags: repoTags, Layers: layerBlobs.map((b) => b.name) }])) });
  }
  const unique = [...new Map(layerBlobs.map((b) => [b.name, b])).values()];
  return archiveOf(options.metadataLast ? [...unique, ...metadata] : [...metadata, ...unique]);
}

export const streamOf = (data: Buffer) => Readable.from([data]);

/** The config, repo tags and layer tars of a classic `docker save` archive. */
export async function readClassicArchive(archive: Buffer): Promise<{ config: Buffer; layers: Buffer[]; repoTags: string[] }> {
  const files = new Map<string, Buffer>();
  const links = new Map<string, string>();
  const extract = tar.extract();
  await new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      if (header.type === 'symlink') links.set(header.name, header.linkname ?? '');
      body.on('data', (c: Buffer) => chunks.push(c));
      body.on('end', () => {
        files.set(header.name, Buffer.concat(chunks));
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
    streamOf(archive).pipe(extract);
  });
  const [manifest] = JSON.parse(files.get('manifest.json')!.toString()) as { Config: string; RepoTags: string[] | null; Layers: string[] }[];
  const layerOf = (name: string): Buffer => {
    const link = links.get(name);
    return link ? layerOf(`${name.split('/')[0]}/${link}`.replace(/^[^/]+\/\.\.\//, '')) : files.get(name)!;
  };
  return { config: files.get(manifest!.Config)!, layers: manifest!.Layers.map(layerOf), repoTags: manifest!.RepoTags ?? [] };
}
