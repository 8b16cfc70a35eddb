// One-shot container listing (`shipshape ps`); the editor's live view uses DockerModel (model.ts).
import { ApiContainerListEntry, ContainerSummary, sortContainers, summarizeContainer } from '../core/containers/summary';
import { DockerClient, onDaemon } from './client';

export async function listContainers(client: DockerClient): Promise<ContainerSummary[]> {
  const entries = (await onDaemon(client, (api) => api.listContainers({ all: true }))) as ApiContainerListEntry[];
  return sortContainers(entries.map(summarizeContainer));
}
