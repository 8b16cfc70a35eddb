// What a message of the daemon's /events stream means for the model. Pure.

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
