// Every check kind, by name: the loader validates against these metas, the runner runs them,
// and docs/packs.md and the manifest's JSON Schema are generated from them.
import type { CheckKind } from '../check';
import container from './container';
import dockerfile from './dockerfile';
import exec from './exec';
import file from './file';
import http from './http';
import image from './image';
import namespace from './namespace';
import network from './network';
import ports from './ports';
import quiz from './quiz';
import resources from './resources';
import script from './script';
import swarm from './swarm';
import volume from './volume';

export const CHECK_KINDS: readonly CheckKind[] = [
  // container family
  container,
  ports,
  resources,
  namespace,
  exec,
  file,
  // image family
  network, volume, image, dockerfile, swarm,
  // interaction family
  http, quiz, script,
];

export const CHECK_KIND_BY_NAME: ReadonlyMap<string, CheckKind> = new Map(CHECK_KINDS.map((k) => [k.meta.kind, k]));
