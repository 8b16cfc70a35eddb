// What a pack owns in the daemon, decided once: its declared names, its name prefixes, and anything
// carrying its label io.shipshape.pack=<id>. Cleanup and reset remove only these; never a prune.
import { PACK_LABEL, type Pack } from './pack';

export type OwnedKind = 'container' | 'network' | 'volume' | 'image';

export interface OwnedObject {
  kind: OwnedKind;
  /** The name (an image: its reference, or its id when only the label made it the pack's). */
  name: string;
  id: string;
  /** Why it counts as the pack's: "declared", "prefix sample-", "label". */
  because: string;
}

/** Lists and removes what a pack owns; src/docker/lab-cleanup.ts implements it on the Docker client. */
export interface Ownership {
  list(pack: Pack): Promise<OwnedObject[]>;
  /** Containers first (forced), then networks, volumes, images; each failure is reported, not thrown. */
  remove(objects: OwnedObject[]): Promise<{ removed: OwnedObject[]; failed: { object: OwnedObject; message: string }[] }>;
}

/** Objects the daemon makes itself: never a pack's, whatever a prefix says. */
const BUILT_IN_NETWORKS = new Set(['bridge', 'host', 'none', 'ingress', 'docker_gwbridge']);

const DECLARED: Record<OwnedKind, (pack: Pack) => string[]> = {
  container: (p) => p.resources.containers,
  network: (p) => p.resources.networks,
  volume: (p) => p.resources.volumes,
  image: (p) => p.resources.images,
};

/** Why an object of this kind, with these names and labels, is the pack's; undefined when it is not. */
export function ownedBecause(pack: Pack, kind: OwnedKind, names: string[], labels: Record<string, string> | null | undefined): string | undefined {
  if (kind === 'network' && names.some((n) => BUILT_IN_NETWORKS.has(n))) return undefined;
  const declared = new Set(DECLARED[kind](pack).map((n) => normalise(kind, n)));
  if (names.some((n) => declared.has(normalise(kind, n)))) return 'declared';
  const prefix = pack.resources.prefixes.find((p) => p && names.some((n) => n.startsWith(p)));
  if (prefix) return `prefix ${prefix}`;
  if (labels?.[PACK_LABEL] === pack.id) return `label ${PACK_LABEL}=${pack.id}`;
  return undefined;
}

/** An image reference without a tag means :latest, as the daemon reads it. */
function normalise(kind: OwnedKind, name: string): string {
  if (kind !== 'image' || name.startsWith('sha256:')) return name;
  const lastSlash = name.lastIndexOf('/');
  return name.slice(lastSlash + 1).includes(':') || name.includes('@') ? name : `${name}:latest`;
}
