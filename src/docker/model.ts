// The daemon as the editor sees it: containers, images, networks and volumes, kept current by ONE
// /events stream. Views render this model and subscribe to its changes; nothing here polls.
// When the stream ends (daemon stopped or restarted) the model says so and reconnects with backoff;
// when a live daemon refuses one list, that part is marked with the reason and retried on its own.
import { EventEmitter } from 'node:events';
import { ContainerSummary, sortContainers, summarizeContainer } from '../core/containers/summary';
import { effectOf, type EventEffect } from '../core/containers/events';
import type { ImageSummary } from '../core/containers/images';
import type { NetworkSummary } from '../core/containers/networks';
import type { VolumeSummary } from '../core/containers/volumes';
import { DaemonUnreachableError, describeConnectionError, isConnectionError } from './client';
import type { EndpointError } from './endpoint';
import { MODEL_PARTS, ModelClient, ModelPart, PartLists, READ_PART } from './model-daemon';
import { PartProblem, PartProblems } from './model-problems';

export type { ModelClient, ModelDaemon, ModelPart } from './model-daemon';
export type { PartProblem } from './model-problems';

export type Connection =
  | { kind: 'connecting'; endpoint: string }
  | { kind: 'connected'; endpoint: string; version: string }
  | { kind: 'disconnected'; endpoint: string; reason: string; retryInMs: number }
  /** Which daemon to use could not be worked out (a malformed config.json or meta.json, a missing
   * context): nothing to retry until the settings or files change. */
  | { kind: 'misconfigured'; endpoint: string; reason: string; hint: string; file?: string };

/** A message of the daemon's /events stream, as far as listeners read it. */
export type DaemonEventMessage = Parameters<typeof effectOf>[0];

export type ModelChange = 'connection' | 'containers' | 'images' | 'networks' | 'volumes';

export interface ModelTiming {
  /** Waits before each reconnection attempt after the daemon went away. */
  reconnectMs: readonly number[];
  /** Waits before each retry of a part the daemon refused to list. */
  partRetryMs: readonly number[];
  /** Events arriving within this window are answered with one list request. */
  coalesceMs: number;
}

const TIMING: ModelTiming = { reconnectMs: [100, 250, 500, 1000, 2000], partRetryMs: [1000, 2000, 5000, 10000, 30000], coalesceMs: 30 };

export class DockerModel {
  private readonly emitter = new EventEmitter();
  private state: Connection;
  private containerMap = new Map<string, ContainerSummary>();
  private sortedContainers: ContainerSummary[] | undefined;
  images: ImageSummary[] = [];
  networks: NetworkSummary[] = [];
  volumes: VolumeSummary[] = [];
  private stream: NodeJS.ReadableStream | undefined;
  private generation = 0;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pendingIds = new Set<string>();
  private pendingTimer: NodeJS.Timeout | undefined;
  private reloading = false;
  /** Events that arrived while the lists were being read. */
  private holding: string[] | undefined;
  private running = false;

  private client: ModelClient | undefined;
  private readonly timing: ModelTiming;
  private readonly partProblems: PartProblems;

  /** A client, or the error that stopped one from being made (shown until setClient gives one). */
  constructor(client: ModelClient | EndpointError, timing: Partial<ModelTiming> = {}) {
    this.timing = { ...TIMING, ...timing };
    this.partProblems = new PartProblems(this.timing.partRetryMs, (part) => this.changed(part));
    this.state = { kind: 'connecting', endpoint: '' };
    this.use(client);
  }

  private use(client: ModelClient | EndpointError): void {
    if (client instanceof Error) {
      this.client = undefined;
      const where = client.where.context ? `context "${client.where.context}"` : (client.where.file ?? '');
      this.state = { kind: 'misconfigured', endpoint: where, reason: client.message, hint: client.hint, ...(client.where.file ? { file: client.where.file } : {}) };
    } else {
      this.client = client;
      this.state = { kind: 'connecting', endpoint: client.endpoint.host };
    }
  }

  get connection(): Connection {
    return this.state;
  }

  get containers(): ContainerSummary[] {
    return (this.sortedContainers ??= sortContainers([...this.containerMap.values()]));
  }

  /** Parts a live daemon refused to list, with its reason; each is retried on its own. */
  get problems(): PartProblem[] {
    return this.partProblems.all;
  }

  problemOf(part: ModelPart): PartProblem | undefined {
    return this.partProblems.of(part);
  }

  onDidChange(listener: (change: ModelChange) => void): { dispose(): void } {
    this.emitter.on('change', listener);
    return { dispose: () => this.emitter.off('change', listener) };
  }

  /** Each live event as it arrives, with what it means (before the model has re-read anything for it). */
  onDaemonEvent(listener: (effect: EventEffect, event: DaemonEventMessage) => void): { dispose(): void } {
    this.emitter.on('event', listener);
    return { dispose: () => this.emitter.off('event', listener) };
  }

  /** Connects (once); resolves when the first attempt has connected or failed. */
  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.running = true;
    return this.connect();
  }

  /** Reconnects now (the "retry" action), or reloads everything when connected. */
  async refresh(): Promise<void> {
    this.running = true;
    await this.connect();
  }

  /**
   * Points the model at another daemon (a setting or the context changed), or at the error that
   * prevents choosing one. Everything of the previous daemon is dropped at once and the views say
   * "connecting" (or show the error); the model connects if it was live.
   */
  async setClient(client: ModelClient | EndpointError): Promise<void> {
    clearTimeout(this.retryTimer);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = undefined;
    this.pendingIds.clear();
    this.partProblems.clear();
    this.generation++; // answers still on their way from the previous daemon are dropped
    this.closeStream();
    this.attempt = 0;
    this.containerMap.clear();
    this.sortedContainers = undefined;
    this.images = [];
    this.networks = [];
    this.volumes = [];
    this.use(client);
    this.emitter.emit('change', 'connection');
    if (this.running && this.client) await this.connect();
  }

  /** `retrying`: an automatic retry after a failure, which leaves "disconnected" shown until it succeeds. */
  private async connect(retrying = false): Promise<void> {
    clearTimeout(this.retryTimer);
    this.closeStream();
    const generation = ++this.generation;
    const client = this.client;
    if (!client) return; // misconfigured: the settings or files have to change first
    const endpoint = client.endpoint.host;
    if (this.state.kind !== 'connected' && !(retrying && this.state.kind === 'disconnected')) this.setConnection({ kind: 'connecting', endpoint });
    try {
      // Subscribe first and hold the events until the lists are read: nothing that happens meanwhile
      // is missed, and nothing older than the lists is applied on top of them.
      const stream = await client.api.getEvents();
      if (generation !== this.generation) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        return;
      }
      const held: string[] = [];
      this.listen(stream, generation, held);
      const [version] = await Promise.all([client.api.version(), this.loadAll(client, generation)]);
      if (generation !== this.generation) return;
      this.attempt = 0;
      this.setConnection({ kind: 'connected', endpoint, version: version.Version ?? '' });
      this.holding = undefined;
      for (const line of held) this.onEvent(line);
    } catch (error) {
      if (generation !== this.generation) return;
      this.lost(error);
    }
  }

  private listen(stream: NodeJS.ReadableStream, generation: number, held: string[]): void {
    this.stream = stream;
    this.holding = held;
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line) continue;
        if (this.holding) this.holding.push(line);
        else this.onEvent(line);
      }
    });
    const ended = (error?: unknown) => {
      // 'end' and 'close' both come for one ended stream: only the first is a loss (else a backoff step is skipped).
      if (generation !== this.generation || !this.running || this.stream !== stream) return;
      this.stream = undefined;
      // Node reports a dropped stream as 'aborted' or 'socket hang up': say what happened instead.
      const cause = (error as Error | undefined)?.message;
      const detail = cause && !/^(aborted|socket hang up)$/.test(cause) ? `: ${cause}` : '';
      this.lost(Object.assign(new Error(`the event stream ended (the daemon stopped or restarted)${detail}`), { code: 'ECONNRESET' }));
    };
    stream.on('end', () => ended());
    stream.on('close', () => ended());
    stream.on('error', (e) => ended(e));
  }

  private onEvent(line: string): void {
    let event: DaemonEventMessage;
    try {
      event = JSON.parse(line);
    } catch {
      return; // a partial or foreign line: the next full reload corrects any drift
    }
    const effect = effectOf(event);
    this.emitter.emit('event', effect, event);
    switch (effect.kind) {
      case 'container':
        if (effect.removed) {
          this.pendingIds.delete(effect.id);
          if (this.containerMap.delete(effect.id)) this.changed('containers');
        } else this.reloadContainer(effect.id);
        break;
      case 'images':
      case 'volumes':
        this.reloadPart(effect.kind);
        break;
      case 'networks':
        this.reloadPart('networks');
        if (effect.container) this.reloadContainer(effect.container);
        break;
    }
  }

  /** Reads one part in full again (after an event, or to retry it); dropped when another daemon
   * (or a reconnection) came meanwhile. Containers are read in full only to retry them. */
  private reloadPart(part: ModelPart): void {
    const client = this.client;
    const generation = this.generation;
    if (!client) return;
    void this.guard(
      part,
      READ_PART[part](client.api).then((list) => {
        if (generation !== this.generation) return;
        this.store(part, list);
        this.partProblems.succeeded(part);
      }),
      generation,
    );
  }

  /** Coalesces container reloads: a burst of events becomes one filtered list request, and ids that
   * arrive while a request is in flight wait for it and go together into the next one. */
  private reloadContainer(id: string): void {
    this.pendingIds.add(id);
    if (this.pendingTimer || this.reloading) return;
    this.pendingTimer = setTimeout(() => void this.flushContainerReloads(), this.timing.coalesceMs);
  }

  private async flushContainerReloads(): Promise<void> {
    this.pendingTimer = undefined;
    const ids = [...this.pendingIds];
    this.pendingIds.clear();
    const client = this.client;
    const generation = this.generation;
    if (!ids.length || !client) return;
    // The last list of containers failed: only a full one can set them right (the next related event).
    if (this.partProblems.of('containers')) return this.reloadPart('containers');
    this.reloading = true;
    await this.guard(
      'containers',
      (async () => {
        const entries = await client.api.listContainers({ all: true, filters: { id: ids } });
        if (generation !== this.generation) return;
        const found = new Set(entries.map((e) => e.Id));
        for (const e of entries) this.containerMap.set(e.Id, summarizeContainer(e));
        for (const id of ids) if (!found.has(id)) this.containerMap.delete(id);
        this.changed('containers');
      })(),
      generation,
    );
    this.reloading = false;
    if (this.pendingIds.size) this.pendingTimer = setTimeout(() => void this.flushContainerReloads(), this.timing.coalesceMs);
  }

  /**
   * A failed reload while connected. A connection error means the daemon is going away: a stopping
   * dockerd closes its socket at once but keeps the event stream open until it has stopped its
   * containers (10 s or more), so the stream's end would come too late. Any other error is the
   * daemon refusing this part: shown, and retried in full.
   */
  private async guard(part: ModelPart, work: Promise<void>, generation: number): Promise<void> {
    try {
      await work;
    } catch (error) {
      if (generation !== this.generation || !this.running) return;
      if (!isConnectionError(error)) {
        this.partProblems.failed(part, error, () => this.reloadPart(part));
        return;
      }
      this.generation++; // the other reloads of this connection fail alike: one "disconnected" is enough
      this.closeStream();
      this.lost(error);
    }
  }

  /** Every part at once; a part the daemon refuses is marked and retried, the others are shown. */
  private async loadAll(client: ModelClient, generation: number): Promise<void> {
    const results = await Promise.allSettled(MODEL_PARTS.map((part) => READ_PART[part](client.api)));
    if (generation !== this.generation) return; // another daemon was chosen meanwhile
    const unreachable = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && isConnectionError(r.reason));
    if (unreachable) throw unreachable.reason;
    MODEL_PARTS.forEach((part, i) => {
      const result = results[i]!;
      if (result.status === 'fulfilled') {
        this.store(part, result.value as PartLists[typeof part]);
        this.partProblems.succeeded(part);
      } else {
        this.partProblems.failed(part, result.reason, () => this.reloadPart(part));
      }
    });
  }

  private store<P extends ModelPart>(part: P, list: PartLists[P]): void {
    if (part === 'containers') this.containerMap = new Map((list as ContainerSummary[]).map((c) => [c.id, c]));
    else (this as Pick<DockerModel, 'images' | 'networks' | 'volumes'>)[part as Exclude<ModelPart, 'containers'>] = list as never;
    this.changed(part);
  }

  private lost(error: unknown): void {
    const client = this.client;
    if (!client) return;
    const endpoint = client.endpoint.host;
    const reason = error instanceof DaemonUnreachableError ? error.reason : isConnectionError(error) ? describeConnectionError(error, client.endpoint) : String((error as Error)?.message ?? error);
    const retryInMs = this.timing.reconnectMs[Math.min(this.attempt, this.timing.reconnectMs.length - 1)]!;
    this.attempt++;
    this.partProblems.clear();
    this.setConnection({ kind: 'disconnected', endpoint, reason, retryInMs });
    if (this.running) this.retryTimer = setTimeout(() => void this.connect(true), retryInMs);
  }

  private closeStream(): void {
    const stream = this.stream as unknown as { destroy?: () => void } | undefined;
    this.stream = undefined;
    stream?.destroy?.();
  }

  private setConnection(state: Connection): void {
    const same =
      state.kind === this.state.kind &&
      state.endpoint === this.state.endpoint &&
      (state.kind !== 'disconnected' || (this.state.kind === 'disconnected' && this.state.reason === state.reason));
    this.state = state;
    if (!same) this.emitter.emit('change', 'connection');
  }

  private changed(change: ModelChange): void {
    if (change === 'containers') this.sortedContainers = undefined;
    this.emitter.emit('change', change);
  }

  dispose(): void {
    this.running = false;
    this.generation++;
    clearTimeout(this.retryTimer);
    clearTimeout(this.pendingTimer);
    this.partProblems.clear();
    this.closeStream();
    this.emitter.removeAllListeners();
  }
}
