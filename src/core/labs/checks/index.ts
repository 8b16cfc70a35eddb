// Every check kind, by name: the loader validates against these metas, the runner runs them,
// and docs/packs.md and the manifest's JSON Schema are generated from them.
import type { CheckKind } from '../check';
import dockerfile from './dockerfile';
import http from './http';
import image from './image';
import network from './network';
import quiz from './quiz';
import script from './script';
import swarm from './swarm';
import volume from './volume';

export const CHECK_KINDS: readonly CheckKind[] = [
  // container family
  // image family
  network, volume, image, dockerfile, swarm,
  // interaction family
  http, quiz, script,
];

export const CHECK_KIND_BY_NAME: ReadonlyMap<string, CheckKind> = new Map(CHECK_KINDS.map((k) => [k.meta.kind, k]));
