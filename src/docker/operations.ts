// What the container commands ask of the daemon: lifecycle changes, inspect, logs, an interactive
// shell, processes, stats, and copying files out and in. Small functions of a DockerClient; no vscode.
import type Dockerode from 'dockerode';
import fs from 'node:fs';
import path from 'node:path';
import { Duplex, Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ApiContainerStats } from '../core/containers/stats';
import tar from 'tar-stream';
import { DaemonUnreachableError, DockerClient, onDaemon } from './client';
import { EndpointError } from './endpoint';

/** The message a person should read for a failed daemon call: the daemon's own words when it gave some. */
export function daemonMessage(error: unknown): string {
  if (error instanceof DaemonUnreachableError) return error.message;
  if (error instanceof EndpointError) return `${error.message}; ${error.hint}`;
  const e = error as { json?: unknown; message?: unknown } | undefined;
  const json = e?.json as { message?: unknown } | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string' && json.message.trim()) return json.message.trim();
  const text = String(e?.message ?? error).trim();
  // docker-modem words stream errors as "(HTTP code 404) no such container - <the daemon's message>".
  const modem = /^\(HTTP code \d+\) (.*?) - (.*)$/s.exec(text);
  return modem ? modem[2]!.trim() || modem[1]! : text;
}

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

export interface LogFollower {
  /** Settles when the daemon ends the stream (the container stopped) or stop() was called. */
  readonly done: Promise<void>;
  stop(): void;
}

/** Follows a container's logs from the last `tail` lines on, stdout and stderr apart (demultiplexed unless it has a TTY). */
export async function followLogs(
  client: DockerClient,
  id: string,
  onOutput: (chunk: Buffer, source: 'stdout' | 'stderr') => void,
  tail = 500,
): Promise<LogFollower> {
  const container = client.api.getContainer(id);
  const info = await onDaemon(client, () => container.inspect());
  const stream = (await onDaemon(client, () => container.logs({ follow: true, stdout: true, stderr: true, tail }))) as Readable;
  const done = new Promise<void>((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  // Marked handled for callers that only stop(); those that await done still see the error.
  done.catch(() => undefined);
  if (info.Config.Tty) {
    stream.on('data', (chunk: Buffer) => onOutput(chunk, 'stdout'));
  } else {
    const sink = (source: 'stdout' | 'stderr') => new Writable({ write: (chunk: Buffer, _encoding, callback) => (onOutput(chunk, source), callback()) });
    client.api.modem.demuxStream(stream, sink('stdout'), sink('stderr'));
  }
  return { done, stop: () => stream.destroy() };
}

/** Runs a fixed command in the container and returns its exit code; 126 or 127 mean it is not there. */
async function probe(client: DockerClient, id: string, cmd: string[]): Promise<number | null> {
  return onDaemon(client, async (api) => {
    const exec = await api.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    const output = (await exec.start({})) as unknown as Readable;
    output.resume();
    await finished(output);
    return (await exec.inspect()).ExitCode;
  });
}

export type Shell = 'bash' | 'sh';

/** bash when the image has it, else sh. */
export async function chooseShell(client: DockerClient, id: string): Promise<Shell> {
  for (const shell of ['bash', 'sh'] as const) {
    if ((await probe(client, id, [shell, '-c', 'exit 0'])) === 0) return shell;
  }
  throw new Error('neither bash nor sh runs in it (images such as distroless or scratch have no shell); use the logs or copy commands instead');
}

export interface ShellSession {
  /** The terminal's bytes both ways: a TTY, so nothing is multiplexed. */
  readonly stream: Duplex;
  resize(columns: number, rows: number): Promise<void>;
  /** The shell's exit code, once the stream has ended. */
  exitCode(): Promise<number | null>;
}

/** Starts an interactive `shell` (from chooseShell: a fixed program, never a command line) on a TTY. */
export async function openShell(client: DockerClient, id: string, shell: Shell): Promise<ShellSession> {
  const exec = await onDaemon(client, (api) =>
    api.getContainer(id).exec({ Cmd: [shell], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Env: ['TERM=xterm-256color'] }),
  );
  const stream = (await onDaemon(client, () => exec.start({ hijack: true, stdin: true, Tty: true }))) as Duplex;
  return {
    stream,
    resize: async (columns, rows) => {
      await onDaemon(client, () => exec.resize({ h: rows, w: columns }));
    },
    exitCode: async () => (await onDaemon(client, () => exec.inspect())).ExitCode,
  };
}

export interface TopProcess {
  hostPid: number | undefined;
  /** The PID inside the container's PID namespace; undefined when /proc cannot tell (remote daemon, VM, permissions). */
  containerPid: number | undefined;
  /** The `ps` columns, as titled by ContainerTop.titles. */
  row: string[];
}

export interface ContainerTop {
  titles: string[];
  processes: TopProcess[];
}

export async function containerTop(client: DockerClient, id: string): Promise<ContainerTop> {
  const container = client.api.getContainer(id);
  const [top, info] = await Promise.all([
    onDaemon(client, () => container.top()) as Promise<{ Titles: string[]; Processes: string[][] | null }>,
    onDaemon(client, () => container.inspect()),
  ]);
  const pidColumn = top.Titles.indexOf('PID');
  // Host PIDs mean something here only when the daemon runs on this machine.
  const local = process.platform === 'linux' && client.endpoint.host.startsWith('unix:');
  return {
    titles: top.Titles,
    processes: (top.Processes ?? []).map((row) => {
      const pid = Number(row[pidColumn]);
      const hostPid = Number.isInteger(pid) && pid > 0 ? pid : undefined;
      return { hostPid, containerPid: local && hostPid ? containerPidOf(hostPid, info.Id) : undefined, row };
    }),
  };
}

/** The last field of NSpid: in /proc/<pid>/status: the PID as the innermost namespace (the container's) sees it. */
export function containerPidOf(hostPid: number, containerId: string, proc = '/proc'): number | undefined {
  try {
    // A socket on this machine can still lead to a VM (Docker Desktop): trust the PID only if it is in this container's cgroup.
    if (!fs.readFileSync(path.join(proc, String(hostPid), 'cgroup'), 'utf8').includes(containerId)) return undefined;
    const line = fs.readFileSync(path.join(proc, String(hostPid), 'status'), 'utf8').split('\n').find((l) => l.startsWith('NSpid:'));
    const pid = Number(line?.trim().split(/\s+/).at(-1));
    return line && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // exited meanwhile, or not ours to read: shown as unknown, which is what it is
  }
}

export async function containerStats(client: DockerClient, id: string): Promise<ApiContainerStats> {
  return (await onDaemon(client, (api) => api.getContainer(id).stats({ stream: false }))) as ApiContainerStats;
}

/** Why `containerPath` cannot name a file in a Linux container, or undefined when it can. */
export function containerPathProblem(containerPath: string): string | undefined {
  if (containerPath.includes('\0')) return 'it contains a NUL character';
  if (!containerPath.startsWith('/')) return 'it is not absolute: start it with /';
  return undefined;
}

function checkContainerPath(containerPath: string): void {
  const problem = containerPathProblem(containerPath);
  if (problem) throw new Error(`cannot use the container path "${containerPath.replace(/\0/g, '\\0')}": ${problem}`);
}

export interface CopiedOut {
  /** Files, folders and links written under the host folder. */
  entries: number;
  /** Archive entries that are neither file, folder nor symlink (devices, hard links), not written. */
  skipped: string[];
}

/** Copies a file or folder out of a container into `hostDir`, as `docker cp` does (no symlink is followed). */
export async function copyFromContainer(client: DockerClient, id: string, containerPath: string, hostDir: string): Promise<CopiedOut> {
  checkContainerPath(containerPath);
  const root = fs.realpathSync(hostDir);
  const archive = (await onDaemon(client, (api) => api.getContainer(id).getArchive({ path: containerPath }))) as Readable;
  const result: CopiedOut = { entries: 0, skipped: [] };
  const inside = (target: string) => target === root || target.startsWith(root + path.sep);
  const extract = tar.extract();
  extract.on('entry', (header: tar.Headers, body: Readable, next: (error?: unknown) => void) => {
    void (async () => {
      // Entries are relative to the copied item ("x", "d/a"); "/" and "." copies start with "/" or "./".
      const name = header.name.replace(/^(\.?\/)+/, '');
      const target = path.resolve(root, name);
      if (!inside(target)) throw new Error(`the archive entry "${header.name}" would land outside ${root}; nothing after it was copied`);
      if (header.type === 'directory') {
        await fs.promises.mkdir(target, { recursive: true });
        body.resume();
      } else if (header.type === 'file' || header.type === 'contiguous-file' || header.type === 'symlink') {
        const parent = path.dirname(target);
        await fs.promises.mkdir(parent, { recursive: true });
        // An earlier symlink entry must not carry a later file out of the chosen folder.
        if (!inside(await fs.promises.realpath(parent))) throw new Error(`the archive entry "${header.name}" goes through a symlink out of ${root}`);
        await fs.promises.rm(target, { force: true });
        if (header.type === 'symlink') {
          await fs.promises.symlink(header.linkname ?? '', target);
          body.resume();
        } else {
          await pipeline(body, fs.createWriteStream(target, { mode: (header.mode ?? 0o644) & 0o777 }));
        }
      } else {
        result.skipped.push(header.name);
        body.resume();
        return;
      }
      result.entries++;
    })().then(() => next(), next);
  });
  await pipeline(archive, extract);
  return result;
}

/** Copies host files into the folder `containerDir` of a container, which must exist there. */
export async function copyIntoContainer(client: DockerClient, id: string, hostFiles: readonly string[], containerDir: string): Promise<void> {
  checkContainerPath(containerDir);
  const pack = tar.pack();
  const upload = onDaemon(client, (api) => api.getContainer(id).putArchive(pack, { path: containerDir }));
  let reading: fs.ReadStream | undefined;
  const packing = (async () => {
    for (const file of hostFiles) {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) throw new Error(`${file} is not a regular file; pick files, not folders or devices`);
      reading = fs.createReadStream(file);
      await pipeline(reading, pack.entry({ name: path.basename(file), size: stat.size, mode: stat.mode & 0o777, mtime: stat.mtime, type: 'file' }));
    }
    pack.finalize();
  })();
  try {
    await Promise.all([upload, packing]);
  } catch (error) {
    // The daemon refused (no such folder) or a file failed: stop the other side too.
    reading?.destroy();
    pack.destroy();
    void packing.catch(() => undefined);
    void upload.catch(() => undefined);
    throw error;
  }
}
