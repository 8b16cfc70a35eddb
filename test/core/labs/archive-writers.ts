// Archives built in tests: .tar.gz with tar-stream and zlib, .zip with a small writer (stored or deflated
// entries, Unix modes in the external attributes) so that entries a real tool would refuse to write can be made.
import fs from 'node:fs';
import zlib from 'node:zlib';
import tar from 'tar-stream';

export interface TarEntry {
  name: string;
  data?: string | Buffer;
  type?: tar.Headers['type'];
  linkname?: string;
}

export async function writeTarGz(file: string, entries: TarEntry[]): Promise<string> {
  const pack = tar.pack();
  const done = new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    pack.pipe(zlib.createGzip()).pipe(out).on('finish', resolve).on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? 'file';
    const data = type === 'file' ? Buffer.from(e.data ?? '') : undefined;
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: e.name, type, mode: type === 'directory' ? 0o755 : 0o644, ...(e.linkname ? { linkname: e.linkname } : {}), ...(data ? { size: data.length } : {}) }, data ?? '', (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await done;
  return file;
}

export interface ZipEntry {
  name: string;
  data?: string | Buffer;
  /** st_mode, e.g. 0o100644 (a file) or 0o120777 (a symlink, whose data is its target). */
  mode?: number;
  deflate?: boolean;
  /** The uncompressed size the headers claim (a lie, for bomb tests); default the real one. */
  claimedSize?: number;
}

export function writeZip(file: string, entries: ZipEntry[]): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data ?? '');
    const stored = e.deflate ? zlib.deflateRawSync(data) : data;
    const crc = zlib.crc32(data);
    const size = e.claimedSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? (e.name.endsWith('/') ? 0o40755 : 0o100644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, directory, end]));
  return file;
}
