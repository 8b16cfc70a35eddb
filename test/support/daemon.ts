// Shared by tests that need the real daemon: the client, and labelled containers that are
// always cleaned up. Tests never start, stop or restart the machine's daemon (scripts/docker-up
// brings it up); a test that stops a daemon runs its own (test/support/private-dockerd.ts).
import { DockerClient, createDockerClient } from '../../src/docker/client';

export const TEST_LABEL = 'dev.shipshape.test';

export function testClient(): DockerClient {
  return createDockerClient({});
}

/** A unique, valid container name for this test run. */
export function uniqueName(prefix: string): string {
  return `shipshape-test-${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function runBusybox(client: DockerClient, name: string, cmd: string[] = ['sleep', '300']): Promise<string> {
  const container = await client.api.createContainer({
    name,
    Image: 'busybox:latest',
    Cmd: cmd,
    Labels: { [TEST_LABEL]: 'true' },
    HostConfig: { AutoRemove: false },
  });
  await container.start();
  return container.id;
}

export async function removeContainer(client: DockerClient, id: string): Promise<void> {
  try {
    await client.api.getContainer(id).remove({ force: true });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

/** Like runBusybox, with HostConfig settings (limits, namespace modes, capabilities, security options). */
export async function runBusyboxWith(
  client: DockerClient,
  name: string,
  hostConfig: Record<string, unknown>,
  cmd: string[] = ['sleep', '300'],
): Promise<string> {
  const container = await client.api.createContainer({
    name,
    Image: 'busybox:latest',
    Cmd: cmd,
    Labels: { [TEST_LABEL]: 'true' },
    HostConfig: { AutoRemove: false, ...hostConfig },
  });
  try {
    await container.start();
  } catch (error) {
    await container.remove({ force: true }); // created but refused to start (e.g. capabilities this host lacks): leave nothing behind
    throw error;
  }
  return container.id;
}
