// The opt-in helper container, for daemons whose processes this machine cannot see (Docker Desktop,
// remote contexts, SSH, TCP). It reads /proc and the cgroup hierarchy of the daemon's host and
// nothing else: host PID and cgroup namespaces, no network, read-only root and cgroup mounts, every
// capability dropped but SYS_PTRACE (to read other processes' /proc/<pid>/ns), no new privileges,
// small memory and pids limits, removed when done. It runs a fixed script whose only arguments are
// integer PIDs, created through the Engine API: no shell ever sees a string a person typed.
import type Dockerode from 'dockerode';
import { PassThrough } from 'node:stream';
import { HELPER_CGROUP_ROOT, HELPER_SCRIPT, HelperReading, helperArguments, parseHelperOutput } from '../../core/internals/helper-script';
import { DockerClient, onDaemon } from '../client';

export const HELPER_LABEL = 'dev.shipshape.internals-helper';
export const DEFAULT_HELPER_IMAGE = 'busybox:latest';
const HELPER_MEMORY = 32 * 1024 * 1024;
const HELPER_PIDS = 32;
/** The v1 controllers whose files the script reads; each is bound read-only on its own (see helperCreateOptions). */
const V1_CONTROLLERS = ['memory', 'cpu', 'cpuset', 'pids', 'blkio'];

export interface HelperOptions {
  /** An image with sh, cat, readlink, sed, grep and tr (busybox has them); it is never pulled. */
  image?: string;
  /** Stop and remove the helper after this long (default 20 s). */
  timeoutMs?: number;
  /** Extra labels, e.g. for tests that clean up after themselves. */
  labels?: Record<string, string>;
  /**
   * Called with the exact `docker run` line before the helper is created; false skips it (the Engine API
   * answers instead). The editor shows the line and asks; `shipshape internals --print-helper-command` prints it.
   */
  confirm?: (commandLine: string) => boolean | Promise<boolean>;
}

export class HelperError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'HelperError';
  }
}

/**
 * The container to create. On cgroup v2 the hierarchy is one mount, bound read-only. On v1 it is a tmpfs
 * of per-controller mounts, and a read-only bind of the tmpfs would leave the controllers under it
 * writable (Engine API 1.41 has no recursive read-only), so each controller is bound read-only itself.
 */
export function helperCreateOptions(cgroupVersion: 1 | 2 | null, args: string[], options: HelperOptions = {}): Dockerode.ContainerCreateOptions {
  const sources = cgroupVersion === 2 ? [HELPER_CGROUP_ROOT] : V1_CONTROLLERS.map((c) => `${HELPER_CGROUP_ROOT}/${c}`);
  return {
    Image: options.image ?? DEFAULT_HELPER_IMAGE,
    Cmd: ['sh', '-c', HELPER_SCRIPT, 'shipshape-internals', ...args],
    Labels: { [HELPER_LABEL]: 'true', ...(options.labels ?? {}) },
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: {
      AutoRemove: true,
      PidMode: 'host',
      CgroupnsMode: 'host',
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      CapAdd: ['SYS_PTRACE'],
      SecurityOpt: ['no-new-privileges'],
      Privileged: false,
      Mounts: sources.map((source) => ({ Type: 'bind', Source: source, Target: source, ReadOnly: true })),
      Memory: HELPER_MEMORY,
      MemorySwap: HELPER_MEMORY,
      PidsLimit: HELPER_PIDS,
    } as Dockerode.HostConfig,
  };
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function megabytes(bytes: number): string {
  return `${bytes / (1024 * 1024)}m`;
}

/** The `docker run` line that creates exactly this container, for a person to read before the first run. */
export function helperCommandLine(create: Dockerode.ContainerCreateOptions): string {
  const h = create.HostConfig as Dockerode.HostConfig & { CgroupnsMode?: string };
  const flags: string[] = ['docker', 'run'];
  if (h.AutoRemove) flags.push('--rm');
  for (const [key, value] of Object.entries(create.Labels ?? {})) flags.push('--label', `${key}=${value}`);
  if (h.PidMode) flags.push(`--pid=${h.PidMode}`);
  if (h.CgroupnsMode) flags.push(`--cgroupns=${h.CgroupnsMode}`);
  if (h.NetworkMode) flags.push(`--network=${h.NetworkMode}`);
  if (h.ReadonlyRootfs) flags.push('--read-only');
  for (const cap of h.CapDrop ?? []) flags.push(`--cap-drop=${cap}`);
  for (const cap of h.CapAdd ?? []) flags.push(`--cap-add=${cap}`);
  for (const opt of h.SecurityOpt ?? []) flags.push('--security-opt', opt);
  for (const m of h.Mounts ?? []) flags.push('--mount', `type=${m.Type},source=${m.Source},target=${m.Target}${m.ReadOnly ? ',readonly' : ''}`);
  if (h.Memory) flags.push('--memory', megabytes(h.Memory));
  if (h.MemorySwap) flags.push('--memory-swap', megabytes(h.MemorySwap));
  if (h.PidsLimit) flags.push('--pids-limit', String(h.PidsLimit));
  flags.push(create.Image!, ...(create.Cmd ?? []));
  return flags.map(shellQuote).join(' ');
}

/** The command line for given PIDs (or a placeholder PID), as the editor shows it before the first run. */
export function helperCommandLineFor(cgroupVersion: 1 | 2 | null, pids: readonly number[] = [], options: HelperOptions = {}): string {
  const args = pids.length ? helperArguments(pids, []) : ['1', 'PID'];
  return helperCommandLine(helperCreateOptions(cgroupVersion, args, options));
}

export interface HelperRun {
  reading: HelperReading;
  containerId: string;
  /** The helper's HostConfig as the daemon recorded it (inspected before it started). */
  hostConfig: Dockerode.ContainerInspectInfo['HostConfig'];
  commandLine: string;
}

const statusCode = (error: unknown) => (error as { statusCode?: number }).statusCode;

/** Creates, runs and removes the helper; `fullPids` are read in full, `namespaceOnlyPids` for their namespaces. */
export async function runHelper(
  client: DockerClient,
  cgroupVersion: 1 | 2 | null,
  fullPids: readonly number[],
  namespaceOnlyPids: readonly number[],
  options: HelperOptions = {},
): Promise<HelperRun> {
  let create = helperCreateOptions(cgroupVersion, helperArguments(fullPids, namespaceOnlyPids), options);
  const where = client.endpoint.host;
  if (options.confirm && !(await options.confirm(helperCommandLine(create)))) {
    throw new HelperError('the internals helper container was not run (declined)');
  }
  let container: Dockerode.Container | undefined;
  // A v1 host may lack one of the controllers (no pids on old kernels): drop that mount and try again.
  for (let attempt = 0; !container; attempt++) {
    try {
      container = await onDaemon(client, (api) => api.createContainer(create));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const missing = /bind source path does not exist: (\S+)/.exec(message)?.[1];
      const mounts = create.HostConfig?.Mounts ?? [];
      if (missing && attempt < V1_CONTROLLERS.length && mounts.some((m) => m.Source === missing) && mounts.length > 1) {
        create = { ...create, HostConfig: { ...create.HostConfig, Mounts: mounts.filter((m) => m.Source !== missing) } };
        continue;
      }
      if (statusCode(error) === 404) {
        throw new HelperError(
          `the internals helper image ${create.Image} is not on the daemon at ${where}; pull it there (docker pull ${create.Image}) ` +
            'or pass another image that has sh, cat, readlink, sed, grep and tr',
          error,
        );
      }
      throw new HelperError(`could not create the internals helper container on ${where}: ${message}`, error);
    }
  }
  const helper = container;
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const inspected = await helper.inspect();
    const stream = (await helper.attach({ stream: true, stdout: true, stderr: true })) as NodeJS.ReadableStream;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const out = new PassThrough().on('data', (b: Buffer) => stdout.push(b));
    const err = new PassThrough().on('data', (b: Buffer) => stderr.push(b));
    client.api.modem.demuxStream(stream, out, err);
    const ended = new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
    });
    // Asked before start, as `docker run --rm` does, so the answer comes once the daemon has removed it.
    const removed = helper.wait({ condition: 'removed' }).catch((error) => {
      if (statusCode(error) === 404) return { StatusCode: -1 };
      throw error;
    });
    await helper.start();
    const timeout = new Promise<never>((_, reject) => {
      const message = `the internals helper on ${where} did not finish within ${timeoutMs} ms; it was stopped and removed`;
      timer = setTimeout(() => reject(new HelperError(message)), timeoutMs);
    });
    const result = (await Promise.race([removed, timeout])) as { StatusCode?: number };
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2000))]);
    const errorText = Buffer.concat(stderr).toString('utf8').trim();
    if (result.StatusCode !== 0 && result.StatusCode !== -1) {
      throw new HelperError(`the internals helper on ${where} exited with status ${result.StatusCode}${errorText ? `: ${errorText}` : ''}`);
    }
    return {
      reading: parseHelperOutput(Buffer.concat(stdout).toString('utf8')),
      containerId: helper.id,
      hostConfig: inspected.HostConfig,
      commandLine: helperCommandLine(create),
    };
  } finally {
    if (timer) clearTimeout(timer);
    await helper.remove({ force: true }).catch(() => undefined); // normally gone already (AutoRemove); this covers failures and timeouts
  }
}
