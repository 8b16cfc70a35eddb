// The daemon events lab checks re-run on (core's DaemonEvents), taken from the model's one /events
// stream: no second stream, no polling. Swarm objects' events (service, node, …) are the 'swarm' effect.
import type { DaemonEvents } from '../core/labs/watch';
import type { DockerModel } from './model';

const SWARM_TYPES = new Set(['service', 'node', 'secret', 'config']);

export function labEventsOf(model: Pick<DockerModel, 'onDaemonEvent'>): DaemonEvents {
  return {
    onEffect(listener) {
      return model.onDaemonEvent((effect, event) => {
        if (event.Type && SWARM_TYPES.has(event.Type)) return listener({ kind: 'swarm' });
        if (effect.kind === 'none') return;
        // What the event is about: the object's id and name, a renamed container's old name, a network event's container.
        const a = event.Actor?.Attributes ?? {};
        listener(effect, [event.Actor?.ID, a.name, a.oldName, a.container].filter((x): x is string => !!x));
      });
    },
  };
}
