// Lifecycle changes and inspect of one container: small functions of a DockerClient; no vscode.
import type Dockerode from 'dockerode';
import { DockerClient, onDaemon } from './client';

export type LifecycleAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

const LIFECYCLE: Record<LifecycleAction, (container: Dockerode.Container) => Promise<unknown>> = {
  start: (c) => c.start(),
  stop: (c) => c.stop(),
  restart: (c) => c.restart(),
  pause: (c) => c.pause(),
  unpause: (c) => c.unpause(),
  kill: (c) => c.kill(),
};

export async function changeState(client: DockerClient, id: string, action: LifecycleAction): Promise<void> {
  try {
    await onDaemon(client, (api) => LIFECYCLE[action](api.getContainer(id)));
  } catch (error) {
    // 304 Not Modified: already started or already stopped, which is what was asked for.
    if ((error as { statusCode?: number }).statusCode === 304) return;
    throw error;
  }
}

/** Removes a container; `force` kills it first when it runs, `volumes` also removes its anonymous volumes. */
export async function removeContainer(client: DockerClient, id: string, options: { force: boolean; volumes: boolean }): Promise<void> {
  await onDaemon(client, (api) => api.getContainer(id).remove({ force: options.force, v: options.volumes }));
}

export async function inspectContainer(client: DockerClient, id: string): Promise<Dockerode.ContainerInspectInfo> {
  return onDaemon(client, (api) => api.getContainer(id).inspect());
}
