// A container's processes, with host PIDs and, when /proc can tell, the PIDs the container sees.
import fs from 'node:fs';
import path from 'node:path';
import { DockerClient, onDaemon } from './client';

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
