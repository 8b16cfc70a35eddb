// What the tree shows under an expanded container: inspect + internals read once per container
// state (a new summary object from the model means the container changed), and live stats polled
// only for expanded Resources sections while the view is visible.
import * as vscode from 'vscode';
import { summarizeStats, ContainerStats } from '../../core/containers/stats';
import type { ContainerSummary } from '../../core/containers/summary';
import type { ContainerInternals } from '../../core/internals/model';
import type { InspectForOverview } from '../../core/internals/sections';
import { inspectContainer } from '../../docker/lifecycle';
import { containerStats } from '../../docker/stats';
import { readInternals } from '../../docker/internals/read';
import type { DockerClient } from '../../docker/client';
import { readConfig } from '../config';

export interface ContainerDetails {
  inspect: InspectForOverview;
  internals: ContainerInternals | undefined;
  /** Why internals could not be read, for the tree to show. */
  problem?: string;
}

const LIVE_INTERVAL_MS = 3000;

export class ContainerDetailsSource implements vscode.Disposable {
  private readonly cache = new WeakMap<ContainerSummary, Promise<ContainerDetails>>();
  private readonly liveStats = new Map<string, ContainerStats>();
  /** Running containers whose Resources section is expanded. */
  private readonly watched = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private visible = false;
  private helperApproved: string | undefined;
  private readonly liveChanged = new vscode.EventEmitter<string>();
  /** Fires with a container id when its live stats changed. */
  readonly onDidChangeLive = this.liveChanged.event;

  constructor(private readonly client: () => DockerClient) {}

  details(container: ContainerSummary): Promise<ContainerDetails> {
    let pending = this.cache.get(container);
    if (!pending) {
      pending = this.load(container);
      this.cache.set(container, pending);
    }
    return pending;
  }

  live(id: string): ContainerStats | undefined {
    return this.liveStats.get(id);
  }

  private async load(container: ContainerSummary): Promise<ContainerDetails> {
    const client = this.client();
    const inspect = (await inspectContainer(client, container.id)) as unknown as InspectForOverview;
    try {
      const [internals] = await readInternals(client, [container.id], { helper: this.helperOption() });
      return { inspect, internals };
    } catch (error) {
      return { inspect, internals: undefined, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The helper container is opt-in, refused in untrusted workspaces, and shown before its first run. */
  private helperOption() {
    if (!readConfig().internals.helperContainer || !vscode.workspace.isTrusted) return false;
    return {
      confirm: async (commandLine: string) => {
        if (this.helperApproved === commandLine) return true;
        const run = 'Run Helper';
        const answer = await vscode.window.showWarningMessage(
          'Shipshape will start a read-only helper container to read cgroups and namespaces on this daemon:',
          { modal: true, detail: commandLine },
          run,
        );
        if (answer === run) this.helperApproved = commandLine;
        return answer === run;
      },
    };
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.schedule();
  }

  watch(id: string, on: boolean): void {
    if (on) this.watched.add(id);
    else {
      this.watched.delete(id);
      this.liveStats.delete(id);
    }
    this.schedule();
  }

  private schedule(): void {
    const wanted = this.visible && this.watched.size > 0;
    if (wanted && !this.timer) {
      void this.poll();
      this.timer = setInterval(() => void this.poll(), LIVE_INTERVAL_MS);
    } else if (!wanted && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private async poll(): Promise<void> {
    await Promise.all(
      [...this.watched].map(async (id) => {
        try {
          this.liveStats.set(id, summarizeStats(await containerStats(this.client(), id)));
          this.liveChanged.fire(id);
        } catch {
          this.watched.delete(id); // stopped or removed: the model's events redraw the tree
        }
      }),
    );
    this.schedule();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.liveChanged.dispose();
  }
}
