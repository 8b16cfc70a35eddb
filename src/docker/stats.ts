// One stats sample of a container, as `docker stats --no-stream` reads it.
import type { ApiContainerStats } from '../core/containers/stats';
import { DockerClient, onDaemon } from './client';

export async function containerStats(client: DockerClient, id: string): Promise<ApiContainerStats> {
  return (await onDaemon(client, (api) => api.getContainer(id).stats({ stream: false }))) as ApiContainerStats;
}
