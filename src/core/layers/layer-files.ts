// One layer tar read as it streams: what each entry is and how many bytes it counts, never its body.
// The entries are kept (path, kind, size: memory grows with paths, not bytes) because the order of the
// layers, which the cross-layer bookkeeping needs, is known only once the archive's manifest is read.
import tar from 'tar-stream';
import type { Writable } from 'node:stream';
import { LARGEST_FILES, type LayerFile } from './types';

export const enum EntryKind {
  File,
  Symlink,
  Hardlink,
  Directory,
  /** `.wh.<name>`: the entry's path is the deleted one. */
  Whiteout,
  /** `.wh..wh..opq`: the entry's path is the directory whose lower contents are hidden. */
  Opaque,
  /** Devices, FIFOs: nodes without bytes. */
  Other,
}

/** The entries of one layer in tar order, as parallel arrays (cheaper than an object per entry). */
export interface LayerEntries {
  paths: string[];
  kinds: EntryKind[];
  /** Bytes as the daemon counts them: a regular file's size, a symlink target's length, 0 otherwise. */
  sizes: number[];
}

export interface LayerScan {
  entries: LayerEntries;
  /** Σ sizes: the layer's size as `docker history` shows it. */
  size: number;
  /** Σ tar header sizes (regular files only): the layer size dive computes, used by its user wasted percent. */
  headerBytes: number;
  largest: LayerFile[];
  directories: Record<string, number>;
}

const DIRECTORY_MIN_BYTES = 4096;
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/** `./usr/bin/` → `usr/bin`; the root is ''. */
export function normalisePath(name: string): string {
  let p = name;
  while (p.startsWith('./')) p = p.slice(2);
  p = p.replace(/^\/+/, '').replace(/\/+$/, '');
  return p === '.' ? '' : p;
}

const parentOf = (p: string) => {
  const slash = p.lastIndexOf('/');
  return slash < 0 ? '' : p.slice(0, slash);
};

/** Keeps the LARGEST_FILES largest, largest first. */
function offerLargest(largest: LayerFile[], path: string, size: number): void {
  if (largest.length === LARGEST_FILES && size <= largest[largest.length - 1]!.size) return;
  let i = largest.length;
  while (i > 0 && largest[i - 1]!.size < size) i--;
  largest.splice(i, 0, { path, size });
  if (largest.length > LARGEST_FILES) largest.pop();
}

/** Bytes per directory, every ancestor counted, from bytes per immediate parent. */
function directoryTotals(byParent: Map<string, number>): Record<string, number> {
  const totals = new Map<string, number>();
  for (const [parent, bytes] of byParent) {
    let dir = parent;
    for (;;) {
      totals.set(dir, (totals.get(dir) ?? 0) + bytes);
      if (dir === '') break;
      dir = parentOf(dir);
    }
  }
  const kept: Record<string, number> = {};
  for (const [dir, bytes] of [...totals].sort((a, b) => b[1] - a[1])) if (bytes >= DIRECTORY_MIN_BYTES) kept[dir] = bytes;
  return kept;
}

/**
 * A writable that takes one layer's (uncompressed) tar and resolves `done` with its scan. Entry bodies
 * are drained as they pass; `where` names the layer in errors.
 */
export function layerScanner(where: string): { sink: Writable; done: Promise<LayerScan> } {
  const extract = tar.extract();
  const entries: LayerEntries = { paths: [], kinds: [], sizes: [] };
  const largest: LayerFile[] = [];
  const byParent = new Map<string, number>();
  let size = 0;
  let headerBytes = 0;

  const add = (path: string, kind: EntryKind, bytes: number) => {
    entries.paths.push(path);
    entries.kinds.push(kind);
    entries.sizes.push(bytes);
    if (bytes > 0) {
      size += bytes;
      const parent = parentOf(path);
      byParent.set(parent, (byParent.get(parent) ?? 0) + bytes);
    }
  };

  extract.on('entry', (header, body, next) => {
    body.on('end', () => next());
    body.resume();
    const path = normalisePath(header.name);
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base === OPAQUE) return add(parentOf(path), EntryKind.Opaque, 0);
    if (base.startsWith(WHITEOUT)) {
      const parent = parentOf(path);
      const name = base.slice(WHITEOUT.length);
      return add(parent ? `${parent}/${name}` : name, EntryKind.Whiteout, 0);
    }
    switch (header.type) {
      case 'file':
      case 'contiguous-file': {
        const bytes = header.size ?? 0;
        headerBytes += bytes;
        offerLargest(largest, path, bytes);
        return add(path, EntryKind.File, bytes);
      }
      case 'symlink':
        return add(path, EntryKind.Symlink, Buffer.byteLength(header.linkname ?? ''));
      case 'link':
        return add(path, EntryKind.Hardlink, 0);
      case 'directory':
        return add(path, EntryKind.Directory, 0);
      default:
        return add(path, EntryKind.Other, 0);
    }
  });

  const done = new Promise<LayerScan>((resolve, reject) => {
    extract.on('error', (error: Error) => reject(new Error(`layer ${where} is not a readable tar: ${error.message}`)));
    extract.on('finish', () => resolve({ entries, size, headerBytes, largest, directories: directoryTotals(byParent) }));
  });
  return { sink: extract, done };
}
