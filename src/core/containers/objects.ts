// Images, networks and volumes as the tree shows them, from the Engine API's list endpoints. Pure.
import { scaleBytes } from './units';

export interface ImageSummary {
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  tags: string[];
  size: number;
  created: string;
}

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
}

export function summarizeImage(e: { Id: string; RepoTags?: string[] | null; Size?: number; Created?: number }): ImageSummary {
  const tags = (e.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  return { id: e.Id, tags, size: e.Size ?? 0, created: new Date((e.Created ?? 0) * 1000).toISOString() };
}

export function summarizeNetwork(e: { Id: string; Name?: string; Driver?: string; Scope?: string; Internal?: boolean }): NetworkSummary {
  return { id: e.Id, name: e.Name ?? e.Id.slice(0, 12), driver: e.Driver ?? '', scope: e.Scope ?? '', internal: e.Internal ?? false };
}

export function summarizeVolume(e: { Name: string; Driver?: string; Mountpoint?: string }): VolumeSummary {
  return { name: e.Name, driver: e.Driver ?? 'local', mountpoint: e.Mountpoint ?? '' };
}

/** Human sizes for the tree: 1.2 MB, 340 kB (SI units, as `docker images` prints them). */
export function formatSize(bytes: number): string {
  const { value, unit, scaled } = scaleBytes(bytes, 1000);
  return `${scaled ? value.toFixed(value < 10 ? 1 : 0) : value} ${unit}`;
}

/** Docker event actions that do not change what the tree shows for a container. */
const QUIET_CONTAINER_ACTIONS = /^(exec_create|exec_start|exec_die|exec_detach|attach|detach|resize|top|copy|archive-path|extract-to-dir|export|commit)\b/;

export type EventEffect =
  | { kind: 'container'; id: string; removed: boolean }
  | { kind: 'images' }
  | { kind: 'networks'; container?: string }
  | { kind: 'volumes' }
  | { kind: 'none' };

/** What a /events message means for the model. */
export function effectOf(event: { Type?: string; Action?: string; Actor?: { ID?: string; Attributes?: Record<string, string> } }): EventEffect {
  const action = event.Action ?? '';
  const id = event.Actor?.ID ?? '';
  switch (event.Type) {
    case 'container':
      if (!id || QUIET_CONTAINER_ACTIONS.test(action)) return { kind: 'none' };
      return { kind: 'container', id, removed: action === 'destroy' };
    case 'image':
      return { kind: 'images' };
    case 'network':
      // connect/disconnect also change the container's networks.
      return { kind: 'networks', container: event.Actor?.Attributes?.container };
    case 'volume':
      return action === 'mount' || action === 'unmount' ? { kind: 'none' } : { kind: 'volumes' };
    default:
      return { kind: 'none' };
  }
}
