// What the Containers view shows under an expanded container, as a model: inspect + internals read
// once per container state (a new summary object from DockerModel means the container changed), and
// live stats polled only for watched containers while the view is visible. Views subscribe to
// onDidChangeLive, as they do to DockerModel.onDidChange; they never fetch on their own.
import { EventEmitter } from 'node:events';
import { ApiContainerStats, ContainerStats, summarizeStats } from '../core/containers/stats';
import type { ContainerSummary } from '../core/containers/summary';
import type { ContainerInternals } from '../core/internals/model';
import type { InspectForOverview } from '../core/internals/sections';
import type { DockerClient } from './client';
import { readInternals } from './internals/read';
import type { HelperOptions } from './internals/helper';
import { daemonMessage } from './errors';
import { inspectContainer } from './lifecycle';
import { containerStats } from './stats';

export interface ContainerDetails {
  inspect: InspectForOverview;
  internals: ContainerInternals | undefined;
  /** Why internals could not be read, for the tree to show. */
  problem?: string;
}

/** A watched container's live usage: the last sample, or why sampling stopped. */
export type LiveUsage = { kind: 'sampled'; stats: ContainerStats } | { kind: 'stopped'; reason: string };

/** What the model reads from the daemon (the real one by default; tests pass a fake). */
export interface DetailsReader {
  inspect(id: string): Promise<InspectForOverview>;
  internals(id: string, helper: false | HelperOptions): Promise<ContainerInternals>;
  stats(id: string): Promise<ApiContainerStats & { read?: string }>;
}

export interface ContainerDetailsOptions {
  /** Whether the helper container may be used now (the setting is on and the workspace trusted). */
  helperAllowed(): boolean;
  /** Asks the person before the helper's first run, showing the exact `docker run` line; true to run it. */
  confirm(commandLine: string): Promise<boolean>;
  /** How often watched containers are sampled (default 3 s). */
  intervalMs?: number;
}

export function daemonDetailsReader(client: () => DockerClient): DetailsReader {
  return {
    inspect: (id) => inspectContainer(client(), id),
    internals: async (id, helper) => (await readInternals(client(), [id], { helper }))[0]!,
    stats: (id) => containerStats(client(), id),
  };
}

/** A stats sample of a container that does not run has a zero read time (the daemon answers, with nothing in it). */
const NOT_SAMPLED = '0001-01-01T00:00:00Z';

export class ContainerDetailsModel {
  private readonly emitter = new EventEmitter();
  private readonly cache = new WeakMap<ContainerSummary, Promise<ContainerDetails>>();
  private readonly usage = new Map<string, LiveUsage>();
  /** Containers whose Resources section is expanded and still sampled. */
  private readonly watched = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private active = false;
  private helperApproved: string | undefined;

  constructor(private readonly reader: DetailsReader, private readonly options: ContainerDetailsOptions) {}

  /** Fires with a container id when its live usage changed (a new sample, or sampling stopped). */
  onDidChangeLive(listener: (id: string) => void): { dispose(): void } {
    this.emitter.on('live', listener);
    return { dispose: () => this.emitter.off('live', listener) };
  }

  details(container: ContainerSummary): Promise<ContainerDetails> {
    let pending = this.cache.get(container);
    if (!pending) {
      pending = this.load(container.id);
      this.cache.set(container, pending);
    }
    return pending;
  }

  live(id: string): LiveUsage | undefined {
    return this.usage.get(id);
  }

  private async load(id: string): Promise<ContainerDetails> {
    const inspect = await this.reader.inspect(id);
    try {
      return { inspect, internals: await this.reader.internals(id, this.helperOption()) };
    } catch (error) {
      return { inspect, internals: undefined, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The helper container is opt-in and shown before its first run; an approved command line is not asked again. */
  private helperOption(): false | HelperOptions {
    if (!this.options.helperAllowed()) return false;
    return {
      confirm: async (commandLine) => {
        if (this.helperApproved === commandLine) return true;
        const yes = await this.options.confirm(commandLine);
        if (yes) this.helperApproved = commandLine;
        return yes;
      },
    };
  }

  /** Samples only while something shows the samples (the view is visible). */
  setActive(active: boolean): void {
    this.active = active;
    this.schedule();
  }

  /** Starts (a Resources section was expanded) or ends (collapsed) sampling one container. */
  watch(id: string, on: boolean): void {
    this.usage.delete(id);
    if (on) this.watched.add(id);
    else this.watched.delete(id);
    this.schedule();
  }

  private schedule(): void {
    const wanted = this.active && this.watched.size > 0;
    if (wanted && !this.timer) {
      void this.poll();
      this.timer = setInterval(() => void this.poll(), this.options.intervalMs ?? 3000);
    } else if (!wanted && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** One sample of every watched container; a failed or empty one ends that watch and says why. */
  async poll(): Promise<void> {
    await Promise.all(
      [...this.watched].map(async (id) => {
        let next: LiveUsage;
        try {
          const sample = await this.reader.stats(id);
          next = sample.read === NOT_SAMPLED ? { kind: 'stopped', reason: 'the container is not running' } : { kind: 'sampled', stats: summarizeStats(sample) };
        } catch (error) {
          next = { kind: 'stopped', reason: daemonMessage(error) };
        }
        if (!this.watched.has(id)) return; // collapsed while the sample was on its way
        if (next.kind === 'stopped') this.watched.delete(id);
        this.usage.set(id, next);
        this.emitter.emit('live', id);
      }),
    );
    this.schedule();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.emitter.removeAllListeners();
  }
}
