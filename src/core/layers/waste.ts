// The per-path bookkeeping over the layers, bottom first: what each layer adds, replaces, deletes
// (whiteout `.wh.<name>`) or hides (opaque `.wh..wh..opq`), and dive's efficiency figures.
//
// Two views of the stacked filesystem are kept on one path tree:
//  - ours, overlayfs' semantics: a whiteout deletes the path and all under it; an opaque directory
//    hides all that lower layers had under it; a file written again (content, or only metadata: a
//    chmod copies the whole file up) replaces the lower version. Every hidden version is waste.
//  - dive's (wagoodman/dive, dive/filetree/efficiency.go and dive/image/analysis.go), kept exactly
//    so that its CI thresholds mean the same here. dive visits, layer by layer, every *leaf* of the
//    layer's own tree (files, links, whiteouts, and directories with no entry under them in that
//    layer) and adds per path: size = the tar header's size (so symlinks and hardlinks count 0), or
//    for a whiteout, if the path was a directory in the stack of the lower layers, the sum of the
//    header sizes under it, and 0 if it was a file. Per path it keeps the cumulative and the smallest
//    size seen; efficiency = Σ smallest ÷ Σ cumulative (1 when Σ cumulative is 0); wasted bytes = Σ
//    cumulative of the paths seen at least twice (the kept copy included); user wasted percent =
//    wasted ÷ Σ header sizes of every layer but the first.
//    Quirks kept: dive ignores opaque markers entirely (hidden files do not count, and stay in its
//    stack); a directory deleted whole counts its contents once, at the whiteout's path, as both
//    smallest and cumulative, so it is not "wasted" unless that directory path was itself a leaf in
//    an earlier layer. Quirk not kept: a whiteout of a path absent from the lower layers makes dive
//    stop visiting the rest of that layer (an error it only logs at debug level); here it counts 0.
//    Where dive would divide by zero (all bytes in the first layer) the percent is 0 with no waste,
//    else 1.
import type { WastedPath } from './types';
import { EntryKind, type LayerScan } from './layer-files';
import { WASTED_PATHS } from './types';

class PathNode {
  children: Map<string, PathNode> | undefined;
  // Ours: present in the stack, a directory or a file version (who wrote it, its bytes).
  present = false;
  dir = false;
  layer = -1;
  size = 0;
  // dive's stack.
  divePresent = false;
  diveDir = false;
  diveSize = 0;
  // dive's per-path efficiency data.
  seen = 0;
  cumulative = 0;
  smallest = -1;

  child(name: string): PathNode {
    this.children ??= new Map();
    let node = this.children.get(name);
    if (!node) this.children.set(name, (node = new PathNode()));
    return node;
  }
}

export interface StackResult {
  /** Per layer (same order as given): bytes it wrote that later layers removed, bytes of lower layers it removed. */
  wastedBytes: number[];
  removesBytes: number[];
  recoverableBytes: number;
  wasted: WastedPath[];
  efficiency: number;
  diveWastedBytes: number;
  userWastedPercent: number;
}

export function stackLayers(layers: readonly LayerScan[]): StackResult {
  const root = new PathNode();
  root.present = root.dir = root.divePresent = root.diveDir = true;
  const wastedBytes = layers.map(() => 0);
  const removesBytes = layers.map(() => 0);
  let recoverable = 0;
  let wasted: WastedPath[] = [];

  const find = (path: string): PathNode | undefined => {
    if (path === '') return root;
    let node: PathNode | undefined = root;
    for (const name of path.split('/')) {
      node = node.children?.get(name);
      if (!node) return undefined;
    }
    return node;
  };
  const ensure = (path: string): PathNode => {
    if (path === '') return root;
    let node = root;
    for (const name of path.split('/')) node = node.child(name);
    return node;
  };

  const waste = (node: PathNode, path: string, removedBy: number, how: WastedPath['how']) => {
    if (node.size === 0) return;
    wastedBytes[node.layer]! += node.size;
    removesBytes[removedBy]! += node.size;
    recoverable += node.size;
    wasted.push({ path, bytes: node.size, addedBy: node.layer, removedBy, how });
    if (wasted.length > 4 * WASTED_PATHS) wasted = largestFirst(wasted);
  };
  /** Takes the node's subtree (the node too, unless `keepSelf`) out of our view; every file version there is waste. */
  const remove = (node: PathNode, path: string, removedBy: number, how: WastedPath['how'], keepSelf = false) => {
    if (node.children) for (const [name, child] of node.children) if (child.present) remove(child, path ? `${path}/${name}` : name, removedBy, how);
    if (keepSelf) return;
    if (!node.dir) waste(node, path, removedBy, how);
    node.present = false;
    node.dir = false;
    node.size = 0;
  };
  const diveSum = (node: PathNode): number => {
    let sum = node.diveSize;
    if (node.children) for (const child of node.children.values()) if (child.divePresent) sum += diveSum(child);
    return sum;
  };
  const diveRemove = (node: PathNode) => {
    node.divePresent = false;
    if (node.children) for (const child of node.children.values()) if (child.divePresent) diveRemove(child);
  };
  const diveSee = (node: PathNode, bytes: number) => {
    node.seen++;
    node.cumulative += bytes;
    if (node.smallest < 0 || bytes < node.smallest) node.smallest = bytes;
  };

  layers.forEach((layer, index) => {
    const { paths, kinds, sizes } = layer.entries;
    // dive's visit of this layer's leaves, against the stack of the layers below.
    const parents = new Set<string>();
    for (let i = 0; i < paths.length; i++) if (kinds[i] !== EntryKind.Opaque) parents.add(paths[i]!.slice(0, Math.max(0, paths[i]!.lastIndexOf('/'))));
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const kind = kinds[i]!;
      if (path === '' || kind === EntryKind.Opaque || (kind === EntryKind.Directory && parents.has(path))) continue;
      let bytes = kind === EntryKind.File ? sizes[i]! : 0;
      if (kind === EntryKind.Whiteout) {
        const lower = find(path);
        bytes = lower?.divePresent && lower.diveDir ? diveSum(lower) : 0;
      }
      diveSee(ensure(path), bytes);
    }
    // Deletions and hidings apply to the lower layers, before this layer's own entries.
    for (let i = 0; i < paths.length; i++) {
      const kind = kinds[i]!;
      if (kind !== EntryKind.Whiteout && kind !== EntryKind.Opaque) continue;
      const node = find(paths[i]!);
      if (!node) continue;
      if (kind === EntryKind.Whiteout) {
        if (node.present) remove(node, paths[i]!, index, 'deleted');
        if (node.divePresent) diveRemove(node);
      } else if (node.present) remove(node, paths[i]!, index, 'hidden', true);
    }
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const kind = kinds[i]!;
      if (path === '' || kind === EntryKind.Whiteout || kind === EntryKind.Opaque) continue;
      let node = root;
      let at = '';
      for (const name of path.split('/')) {
        at = at ? `${at}/${name}` : name;
        node = node.child(name);
        if (at.length === path.length) break;
        // A parent that was a file in a lower layer is replaced by a directory.
        if (node.present && !node.dir) remove(node, at, index, 'replaced');
        if (!node.present) node.present = node.dir = true;
        if (!node.divePresent) {
          // dive creates a missing parent with an empty payload: not a directory, no bytes.
          node.divePresent = true;
          node.diveDir = false;
          node.diveSize = 0;
        }
      }
      const isDir = kind === EntryKind.Directory;
      if (node.present && (!node.dir || !isDir)) remove(node, path, index, 'replaced');
      node.present = true;
      node.dir = isDir;
      if (!isDir) {
        node.layer = index;
        node.size = sizes[i]!;
      }
      node.divePresent = true;
      node.diveDir = isDir;
      node.diveSize = kind === EntryKind.File ? sizes[i]! : 0;
    }
  });

  let smallest = 0;
  let cumulative = 0;
  let diveWasted = 0;
  const total = (node: PathNode) => {
    if (node.seen > 0) {
      smallest += node.smallest;
      cumulative += node.cumulative;
      if (node.seen > 1) diveWasted += node.cumulative;
    }
    if (node.children) for (const child of node.children.values()) total(child);
  };
  total(root);
  const userBytes = layers.slice(1).reduce((sum, l) => sum + l.headerBytes, 0);
  return {
    wastedBytes,
    removesBytes,
    recoverableBytes: recoverable,
    wasted: largestFirst(wasted),
    efficiency: cumulative === 0 ? 1 : smallest / cumulative,
    diveWastedBytes: diveWasted,
    userWastedPercent: userBytes > 0 ? diveWasted / userBytes : diveWasted > 0 ? 1 : 0,
  };
}

function largestFirst(wasted: WastedPath[]): WastedPath[] {
  return wasted.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, WASTED_PATHS);
}
