// A fake of the daemon calls DockerModel makes (ModelDaemon), for unit tests of the model's logic:
// each call is recorded, can be held until the test lets it go, or made to fail.
import { PassThrough } from 'node:stream';
import type { ApiContainerListEntry } from '../../src/core/containers/summary';
import type { ModelClient, ModelDaemon } from '../../src/docker/model';

type Method = 'getEvents' | 'version' | 'listContainers' | 'listImages' | 'listNetworks' | 'listVolumes';

/** An API error as docker-modem gives it for an HTTP error status. */
export function apiError(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), { statusCode, json: { message } });
}

/** A connection failure as Node gives it. */
export function connectionError(code = 'ECONNREFUSED'): Error {
  return Object.assign(new Error(`connect ${code} /fake.sock`), { code });
}

export class FakeDaemon implements ModelDaemon {
  /** Calls in order: "listContainers" or "listContainers id=a,b" for a filtered one. */
  readonly calls: string[] = [];
  containers: ApiContainerListEntry[] = [];
  images: { Id: string; RepoTags?: string[] }[] = [{ Id: 'sha256:1', RepoTags: ['busybox:latest'] }];
  networks: { Id: string; Name?: string }[] = [{ Id: 'n1', Name: 'bridge' }];
  volumes: { Name: string }[] = [];
  stream = new PassThrough();
  private readonly failures = new Map<Method, unknown[]>();
  private readonly holds = new Map<Method, Promise<void>>();

  /** The next calls of `method` reject with these errors, one each. */
  fail(method: Method, ...errors: unknown[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
  }

  /** The next call of `method` waits until the returned function is called. */
  hold(method: Method): () => void {
    let release!: () => void;
    this.holds.set(method, new Promise<void>((resolve) => (release = resolve)));
    return release;
  }

  /** Sends one /events message. */
  event(Type: string, Action: string, ID: string, Attributes: Record<string, string> = {}): void {
    this.stream.write(JSON.stringify({ Type, Action, Actor: { ID, Attributes } }) + '\n');
  }

  count(call: string): number {
    return this.calls.filter((c) => c === call || c.startsWith(`${call} `)).length;
  }

  /** The answer is what the daemon held at the call (a held call answers with that, as a daemon would). */
  private async answer<T>(method: Method, call: string, value: () => T): Promise<T> {
    this.calls.push(call);
    const answer = value();
    const held = this.holds.get(method);
    this.holds.delete(method);
    if (held) await held;
    const error = this.failures.get(method)?.shift();
    if (error) throw error;
    return answer;
  }

  getEvents(): Promise<NodeJS.ReadableStream> {
    return this.answer('getEvents', 'getEvents', () => (this.stream = new PassThrough()));
  }

  version(): Promise<{ Version?: string }> {
    return this.answer('version', 'version', () => ({ Version: '99.0-fake' }));
  }

  listContainers(options: { all: boolean; filters?: { id: string[] } }): Promise<ApiContainerListEntry[]> {
    const ids = options.filters?.id;
    return this.answer('listContainers', ids ? `listContainers id=${ids.join(',')}` : 'listContainers', () =>
      this.containers.filter((c) => !ids || ids.includes(c.Id)).map((c) => ({ ...c })),
    );
  }

  listImages(): Promise<{ Id: string; RepoTags?: string[] }[]> {
    return this.answer('listImages', 'listImages', () => [...this.images]);
  }

  listNetworks(): Promise<{ Id: string; Name?: string }[]> {
    return this.answer('listNetworks', 'listNetworks', () => [...this.networks]);
  }

  listVolumes(): Promise<{ Volumes: { Name: string }[] }> {
    return this.answer('listVolumes', 'listVolumes', () => ({ Volumes: [...this.volumes] }));
  }
}

export function fakeClient(daemon: FakeDaemon): ModelClient {
  return { api: daemon, endpoint: { host: 'unix:///fake/docker.sock', source: 'default' } };
}
