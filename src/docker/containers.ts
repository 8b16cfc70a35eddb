// Container listing and the model the Containers view draws. The model owns the state; views
// subscribe to its change event and never fetch on their own.
import { EventEmitter } from 'node:events';
import { ApiContainerListEntry, ContainerSummary, sortContainers, summarizeContainer } from '../core/containers/summary';
import { DaemonUnreachableError, DockerClient, onDaemon } from './client';

export async function listContainers(client: DockerClient): Promise<ContainerSummary[]> {
  const entries = (await onDaemon(client, (api) => api.listContainers({ all: true }))) as ApiContainerListEntry[];
  return sortContainers(entries.map(summarizeContainer));
}

export type ContainersState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'connected'; containers: ContainerSummary[]; endpoint: string }
  | { kind: 'disconnected'; reason: string; endpoint: string }
  | { kind: 'error'; message: string };

export class ContainersModel {
  private readonly emitter = new EventEmitter();
  private current: ContainersState = { kind: 'idle' };
  private inFlight: Promise<void> | undefined;

  constructor(private client: DockerClient) {}

  get state(): ContainersState {
    return this.current;
  }

  onDidChange(listener: (state: ContainersState) => void): { dispose(): void } {
    this.emitter.on('change', listener);
    return { dispose: () => this.emitter.off('change', listener) };
  }

  /** Points the model at another daemon (a setting or context changed) and reloads. */
  async setClient(client: DockerClient): Promise<void> {
    this.client = client;
    await this.refresh();
  }

  /** Reloads the list; concurrent calls share one request. */
  refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async load(): Promise<void> {
    if (this.current.kind === 'idle') this.set({ kind: 'loading' });
    const endpoint = this.client.endpoint.host;
    try {
      this.set({ kind: 'connected', containers: await listContainers(this.client), endpoint });
    } catch (error) {
      if (error instanceof DaemonUnreachableError) this.set({ kind: 'disconnected', reason: error.reason, endpoint });
      else this.set({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private set(state: ContainersState): void {
    this.current = state;
    this.emitter.emit('change', state);
  }

  dispose(): void {
    this.emitter.removeAllListeners();
  }
}
