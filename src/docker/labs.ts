// The labs' view of the daemon (core's LabDaemon) on the one Docker client. A 404 is "not there"
// (the check decides whether that fails); anything else the daemon or the connection says is a
// DaemonError, so the check is errored rather than failed.
import { PassThrough, Readable } from 'node:stream';
import { DaemonError, type ExecResult, type LabContainer, type LabDaemon, type LabFile, type LabImage, type LabNetwork, type LabService, type LabVolume } from '../core/labs/daemon';
import type { ContainerInternals } from '../core/internals/model';
import { DockerClient, onDaemon } from './client';
import { readContainerPath } from './copy';
import { daemonMessage } from './errors';
import { readInternals, type ReadInternalsOptions } from './internals/read';

const notFound = (error: unknown) => (error as { statusCode?: number } | undefined)?.statusCode === 404;

async function ask<T>(client: DockerClient, call: Parameters<typeof onDaemon<T>>[1]): Promise<T> {
  try {
    return await onDaemon(client, call);
  } catch (error) {
    throw new DaemonError(daemonMessage(error));
  }
}

async function askOrMissing<T>(client: DockerClient, call: Parameters<typeof onDaemon<T>>[1]): Promise<T | undefined> {
  try {
    return await onDaemon(client, call);
  } catch (error) {
    if (notFound(error)) return undefined;
    throw new DaemonError(daemonMessage(error));
  }
}

/** Reads a multiplexed exec stream into stdout and stderr. */
async function collect(client: DockerClient, stream: Readable, timeoutMs: number, what: string): Promise<{ stdout: string; stderr: string }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (c: Buffer) => out.push(c));
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
  client.api.modem.demuxStream(stream, stdout, stderr);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.destroy();
      reject(new DaemonError(`${what} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.on('end', done).on('close', done).on('error', (e) => {
      clearTimeout(timer);
      reject(new DaemonError(`${what}: ${e.message}`));
    });
  });
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

// Go's os.FileMode bits, as the daemon's path stat gives them.
const GO_DIR = 2 ** 31;
const GO_SYMLINK = 2 ** 27;
const GO_SETUID = 2 ** 23;
const GO_SETGID = 2 ** 22;
const GO_STICKY = 2 ** 20;

/** A path's type, mode and size from the daemon's stat (HEAD on the archive endpoint): no archive is made. */
async function statPath(client: DockerClient, container: string, path: string): Promise<LabFile | undefined> {
  const response = (await askOrMissing(client, (api) => api.getContainer(container).infoArchive({ path }) as Promise<unknown>)) as
    | { headers: Record<string, string | undefined>; resume(): void }
    | undefined;
  if (!response) return undefined;
  response.resume();
  const raw = response.headers['x-docker-container-path-stat'];
  if (!raw) throw new DaemonError(`the daemon gave no stat of ${path} in ${container}`);
  const stat = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { size: number; mode: number; linkTarget?: string };
  const m = stat.mode;
  const has = (bit: number) => Math.floor(m / bit) % 2 === 1;
  const special = [2 ** 26, 2 ** 25, 2 ** 24, 2 ** 21].some(has); // device, named pipe, socket, char device
  const type = has(GO_DIR) ? 'directory' : has(GO_SYMLINK) ? 'symlink' : special ? 'other' : 'file';
  const mode = (m % 0o1000) + (has(GO_SETUID) ? 0o4000 : 0) + (has(GO_SETGID) ? 0o2000 : 0) + (has(GO_STICKY) ? 0o1000 : 0);
  return { type, mode, uid: -1, gid: -1, size: stat.size, ...(type === 'symlink' ? { linkTarget: stat.linkTarget ?? '' } : {}) };
}

export function daemonForLabs(client: () => DockerClient, internals: ReadInternalsOptions = {}): LabDaemon {
  return {
    container: (ref) => askOrMissing(client(), (api) => api.getContainer(ref).inspect() as unknown as Promise<LabContainer>),
    async containers(filter) {
      const c = client();
      const list = await ask(c, (api) => api.listContainers({ all: true, ...(filter?.label ? { filters: { label: [filter.label] } } : {}) }));
      const found = await Promise.all(list.map((e) => askOrMissing(c, (api) => api.getContainer(e.Id).inspect() as unknown as Promise<LabContainer>)));
      return found.filter((x): x is LabContainer => x !== undefined);
    },
    network: (ref) => askOrMissing(client(), (api) => api.getNetwork(ref).inspect() as Promise<LabNetwork>),
    volume: (name) => askOrMissing(client(), (api) => api.getVolume(name).inspect() as unknown as Promise<LabVolume>),
    image: (ref) => askOrMissing(client(), (api) => api.getImage(ref).inspect() as unknown as Promise<LabImage>),
    async history(ref) {
      const entries = await askOrMissing(client(), (api) => api.getImage(ref).history() as Promise<{ Id: string; CreatedBy: string; Size: number }[]>);
      if (!entries) throw new DaemonError(`no such image: ${ref}`);
      return entries.map((e) => ({ Id: e.Id, CreatedBy: e.CreatedBy, Size: e.Size }));
    },
    async exec(container, argv, options): Promise<ExecResult> {
      const c = client();
      const what = `${argv.join(' ')} in ${container}`;
      const exec = await ask(c, (api) =>
        api.getContainer(container).exec({ Cmd: [...argv], AttachStdout: true, AttachStderr: true, ...(options.user ? { User: options.user } : {}) }),
      );
      const stream = (await ask(c, () => exec.start({}))) as unknown as Readable;
      const { stdout, stderr } = await collect(c, stream, options.timeoutMs, what);
      const inspected = await ask(c, () => exec.inspect());
      return { exitCode: inspected.ExitCode ?? -1, stdout, stderr };
    },
    async internals(container): Promise<ContainerInternals> {
      try {
        const [model] = await readInternals(client(), [container], internals);
        return model!;
      } catch (error) {
        throw new DaemonError(daemonMessage(error));
      }
    },
    async readFile(container, path, options): Promise<LabFile | undefined> {
      // 404 is "no such path" here: the check has already found the container.
      const c = client();
      if (options?.statOnly) return statPath(c, container, path);
      const entry = await askOrMissing(c, () => readContainerPath(c, container, path, options?.maxBytes ?? 1024 * 1024));
      if (!entry) return undefined;
      const { header } = entry;
      const type = header.type === 'file' || header.type === 'contiguous-file' ? 'file' : header.type === 'directory' || header.type === 'symlink' ? header.type : 'other';
      return {
        type,
        mode: (header.mode ?? 0) & 0o7777,
        uid: header.uid ?? 0,
        gid: header.gid ?? 0,
        size: header.size ?? 0,
        ...(header.type === 'symlink' ? { linkTarget: header.linkname ?? '' } : {}),
        ...(entry.content ? { content: entry.content.toString('utf8'), truncated: entry.truncated } : {}),
      };
    },
    async swarm() {
      const info = (await ask(client(), (api) => api.info())) as { Swarm?: { LocalNodeState?: string; Nodes?: number } };
      return { state: info.Swarm?.LocalNodeState || 'inactive', nodes: info.Swarm?.Nodes ?? 0 };
    },
    async service(name): Promise<LabService | undefined> {
      const c = client();
      const service = (await askOrMissing(c, (api) => api.getService(name).inspect())) as Omit<LabService, 'runningTasks'> | undefined;
      if (!service) return undefined;
      const tasks = (await ask(c, (api) => api.listTasks({ filters: { service: [service.Spec.Name], 'desired-state': ['running'] } }))) as { Status?: { State?: string } }[];
      return { ...service, runningTasks: tasks.filter((t) => t.Status?.State === 'running').length };
    },
  };
}

