// The first question of every check about a named object (network, volume, image, service):
// is it there? What the check says when the answer is not the one it wanted.
import { observe, type Observation } from './check';

export interface Existence {
  /** "network", "volume", "image", "service". */
  noun: string;
  name: string;
  /** The `exists` field: true (the default) or false. */
  wanted: boolean;
  found: boolean;
  /** What to do when it is missing but wanted: "create it: docker network create web". */
  create: string;
  /** What to do when it is there but must not be: "remove it: docker network rm web". */
  remove: string;
}

/**
 * The `exists` observation, and whether the check should go on to the object's properties
 * (only when it is there and wanted). A missing object the check has properties to compare is
 * failed here with what to do, never errored.
 */
export function existence(e: Existence): { observation: Observation; goOn: boolean } {
  const there = `${e.noun} ${e.name} exists`;
  const absent = `no ${e.noun} ${e.name}`;
  const observation = observe('exists', e.found === e.wanted, e.wanted ? there : absent, e.found ? there : absent, e.found ? e.remove : e.create);
  return { observation, goOn: e.found && e.wanted };
}

/** A list for a person: `a, b and c`, or "none". */
export function listed(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The labels that differ from what the check asks, one observation per asked label. */
export function labelObservations(wanted: Record<string, string>, actual: Record<string, string> | null | undefined, fix: (key: string, value: string) => string): Observation[] {
  return Object.entries(wanted).map(([key, value]) => {
    const has = actual?.[key];
    return observe(`labels.${key}`, has === value, `label ${key}=${value}`, has === undefined ? `no label ${key}` : `label ${key}=${has}`, fix(key, value));
  });
}
