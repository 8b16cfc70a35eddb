// Every check kind, by name: the loader validates against these metas, the runner runs them,
// and docs/packs.md and the manifest's JSON Schema are generated from them.
import type { CheckKind } from '../check';
import container from './container';
import exec from './exec';
import file from './file';
import namespace from './namespace';
import ports from './ports';
import resources from './resources';

export const CHECK_KINDS: readonly CheckKind[] = [
  // container family
  container,
  ports,
  resources,
  namespace,
  exec,
  file,
  // image family
  // interaction family
];

export const CHECK_KIND_BY_NAME: ReadonlyMap<string, CheckKind> = new Map(CHECK_KINDS.map((k) => [k.meta.kind, k]));
