// Ownership on the Docker client: lists every container, network, volume and image the pack owns
// (core/labs/ownership.ts decides what counts) and removes exactly those, one by one. Never a prune.
import { ownedBecause, type OwnedObject, type Ownership } from '../core/labs/ownership';
import type { Pack } from '../core/labs/pack';
import { onDaemon, type DockerClient } from './client';
import { daemonMessage } from './errors';

const ORDER: OwnedObject['kind'][] = ['container', 'network', 'volume', 'image'];

export function ownershipOnDocker(client: () => DockerClient): Ownership {
  return {
    async list(pack: Pack): Promise<OwnedObject[]> {
      const c = client();
      const [containers, networks, volumes, images] = await Promise.all([
        onDaemon(c, (api) => api.listContainers({ all: true })),
        onDaemon(c, (api) => api.listNetworks()),
        onDaemon(c, (api) => api.listVolumes()),
        onDaemon(c, (api) => api.listImages()),
      ]);
      const owned: OwnedObject[] = [];
      const add = (kind: OwnedObject['kind'], id: string, names: string[], labels: Record<string, string> | null | undefined) => {
        const because = ownedBecause(pack, kind, names, labels);
        if (because) owned.push({ kind, id, name: names[0] ?? id, because });
      };
      for (const x of containers) add('container', x.Id, (x.Names ?? []).map((n) => n.replace(/^\//, '')), x.Labels);
      for (const x of networks) add('network', x.Id, [x.Name], x.Labels);
      for (const x of volumes.Volumes ?? []) add('volume', x.Name, [x.Name], x.Labels);
      for (const x of images) {
        const tags = (x.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
        // Tag by tag, so removing untags only the pack's references; an untagged image goes by id.
        if (!tags.length) add('image', x.Id, [x.Id], x.Labels);
        for (const tag of tags) add('image', x.Id, [tag], x.Labels);
      }
      return owned;
    },

    async remove(objects) {
      const c = client();
      const removed: OwnedObject[] = [];
      const failed: { object: OwnedObject; message: string }[] = [];
      const sorted = [...objects].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
      for (const object of sorted) {
        try {
          await onDaemon(c, (api) => {
            switch (object.kind) {
              case 'container':
                return api.getContainer(object.id).remove({ force: true });
              case 'network':
                return api.getNetwork(object.id).remove();
              case 'volume':
                return api.getVolume(object.name).remove();
              case 'image':
                // By its name: untags the pack's reference (an id when it has no tag); never forced.
                return api.getImage(object.name).remove();
            }
          });
          removed.push(object);
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode === 404) removed.push(object); // gone already
          else failed.push({ object, message: `${object.kind} ${object.name} was not removed: ${daemonMessage(error)}` });
        }
      }
      return { removed, failed };
    },
  };
}
