// Which daemon, kept current. Resolves the endpoint (src/docker/endpoint.ts) and, when Docker's own
// config decides it (no host or context given, no DOCKER_HOST / DOCKER_CONTEXT), watches the config
// directory so `docker context use` is followed: config.json is watched through its directory, which
// also sees atomic replaces (write a temporary file, rename it over config.json). The meta.json folder
// of the context in use is watched too, so fixing or editing it is seen. Events are debounced, the
// endpoint is resolved again and compared: edits that do not change it (credentials, other contexts)
// reconnect nothing. A resolution that fails (malformed config.json or meta.json) is reported as an
// error to show, not thrown. No polling: only inotify-style watches, and none when nothing can change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DockerClient, clientForEndpoint } from './client';
import { DockerEndpoint, EndpointError, EndpointInputs, contextMetaFile, dockerConfigDir, followsCurrentContext, resolveEndpoint } from './endpoint';

export type Resolution = { client: DockerClient; error?: undefined } | { client?: undefined; error: EndpointError };

export interface FollowerOptions {
  /** The inputs (host and context settings, environment), read again on every update. */
  inputs: () => EndpointInputs;
  /** Called when the resolved endpoint (or the error) changed; not called for the first resolution. */
  onChange: (resolution: Resolution) => void;
  /** Quiet time after the last file event before resolving again. */
  debounceMs?: number;
  createClient?: (endpoint: DockerEndpoint) => DockerClient;
}

type Filter = (filename: string | null) => boolean;

interface Watch {
  watcher: fs.FSWatcher;
  /** The directory's inode when the watch was set: a folder removed and recreated needs a new watch. */
  ino: number;
  filter: Filter;
}

export class EndpointFollower {
  private resolution: Resolution;
  private key: string;
  private readonly watches = new Map<string, Watch>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly options: FollowerOptions) {
    this.resolution = this.resolve();
    this.key = keyOf(this.resolution);
    this.arm(true);
  }

  get current(): Resolution {
    return this.resolution;
  }

  /** The directories watched now. */
  get watching(): string[] {
    return [...this.watches.keys()];
  }

  /** Reads the settings and files again; reports the new resolution and returns true when it changed. */
  update(): boolean {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return false;
    const next = this.resolve();
    const key = keyOf(next);
    const changed = key !== this.key;
    if (changed) {
      this.resolution = next;
      this.key = key;
    }
    this.arm();
    if (changed) this.options.onChange(next);
    return changed;
  }

  private resolve(): Resolution {
    try {
      return { client: (this.options.createClient ?? clientForEndpoint)(resolveEndpoint(this.options.inputs())) };
    } catch (error) {
      if (error instanceof EndpointError) return { error };
      // e.g. a TLS file of the context or DOCKER_CERT_PATH that cannot be read
      return { error: new EndpointError((error as Error)?.message ?? String(error), 'check the TLS files of the context (or DOCKER_CERT_PATH) and the shipshape.docker settings') };
    }
  }

  /** Watches what can change the endpoint now, and drops watches that no longer matter. */
  private arm(first = false): void {
    const inputs = this.options.inputs();
    const env = inputs.env ?? process.env;
    const configDir = dockerConfigDir(env, inputs.homeDir ?? os.homedir());
    const targets = new Map<string, Filter>();
    const add = (dir: string, filter: Filter) => {
      const existing = targets.get(dir);
      targets.set(dir, existing ? (f) => existing(f) || filter(f) : filter);
    };
    if (followsCurrentContext(inputs)) {
      if (isDir(configDir)) add(configDir, (f) => f === null || f === 'config.json' || f === 'contexts');
      // No config folder yet (Docker creates it on the first `docker context use` or login): watch for it.
      else if (isDir(path.dirname(configDir))) add(path.dirname(configDir), (f) => f === null || f === path.basename(configDir));
    }
    const context = this.resolution.client?.endpoint.context ?? this.resolution.error?.where.context;
    if (context && context !== 'default') {
      const metaDir = path.dirname(contextMetaFile(configDir, context));
      if (isDir(metaDir)) add(metaDir, (f) => f === null || f === 'meta.json');
      else if (isDir(path.dirname(metaDir))) add(path.dirname(metaDir), (f) => f === null || f === path.basename(metaDir));
    }
    for (const [dir, w] of this.watches) {
      if (!targets.has(dir) || inode(dir) !== w.ino) {
        w.watcher.close();
        this.watches.delete(dir);
      }
    }
    for (const [dir, filter] of targets) {
      const existing = this.watches.get(dir);
      if (existing) {
        existing.filter = filter;
        continue;
      }
      try {
        const ino = inode(dir);
        const watcher = fs.watch(dir, { persistent: false }, (_event, filename) => {
          if (this.watches.get(dir)?.filter(typeof filename === 'string' ? filename : null)) this.schedule();
        });
        watcher.on('error', () => {
          // The folder went away (or the watch broke): forget it; the next update watches again.
          watcher.close();
          if (this.watches.get(dir)?.watcher === watcher) this.watches.delete(dir);
          this.schedule();
        });
        this.watches.set(dir, { watcher, ino, filter });
        // What changed between the event that brought us here and this watch would be missed: look again.
        if (!first) this.schedule();
      } catch {
        // Cannot watch (permissions, vanished in between): changes there are seen on the next update.
      }
    }
  }

  private schedule(): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), this.options.debounceMs ?? 50);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const w of this.watches.values()) w.watcher.close();
    this.watches.clear();
  }
}

/** What decides whether a reconnection is needed: the endpoint, its context, its TLS files; or the error. */
function keyOf(resolution: Resolution): string {
  if (resolution.error) return `error:${resolution.error.message}`;
  const e = resolution.client.endpoint;
  return JSON.stringify([e.host, e.context ?? '', e.tls ?? null]);
}

function isDir(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function inode(dir: string): number {
  try {
    return fs.statSync(dir).ino;
  } catch {
    return -1;
  }
}
