// What lab checks need from Docker, declared by core and implemented in src/docker/labs.ts.
// Answers are the Engine API's own JSON, trimmed to the parts checks read (no dockerode types here).
import type { ContainerInternals, InspectHostConfig } from '../internals/model';

/** Thrown by an implementation when the daemon cannot be asked (unreachable, timed out): the check is errored, not failed. */
export class DaemonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DaemonError';
  }
}

export interface LabContainer {
  Id: string;
  Name: string;
  Image: string;
  Config: {
    Image?: string;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    Env?: string[] | null;
    Labels?: Record<string, string> | null;
    User?: string;
    Hostname?: string;
    ExposedPorts?: Record<string, unknown> | null;
  };
  State: { Status: string; Running: boolean; Paused: boolean; ExitCode: number; OOMKilled: boolean; Pid: number; Health?: { Status: string } };
  /** The internals model's HostConfig (limits, namespace modes, capabilities) and what checks add to it. */
  HostConfig: InspectHostConfig & {
    RestartPolicy?: { Name?: string; MaximumRetryCount?: number };
    ReadonlyRootfs?: boolean;
  };
  NetworkSettings: {
    Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
    Networks?: Record<string, { Aliases?: string[] | null; IPAddress?: string; NetworkID?: string }>;
  };
  Mounts: { Type: string; Name?: string; Source: string; Destination: string; RW: boolean; Driver?: string }[];
}

export interface LabNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Labels?: Record<string, string> | null;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] | null };
  /** Keyed by container id. */
  Containers?: Record<string, { Name: string; IPv4Address?: string }> | null;
}

export interface LabVolume {
  Name: string;
  Driver: string;
  Labels?: Record<string, string> | null;
  Mountpoint: string;
  CreatedAt?: string;
}

export interface LabImage {
  Id: string;
  RepoTags: string[];
  Size: number;
  Config: { User?: string; Labels?: Record<string, string> | null; Cmd?: string[] | null; Entrypoint?: string[] | null };
  RootFS: { Layers?: string[] };
}

export interface LabHistoryEntry {
  Id: string;
  CreatedBy: string;
  Size: number;
}

export interface LabSwarm {
  /** "inactive", "active", "pending", "error", "locked". */
  state: string;
  nodes: number;
}

export interface LabService {
  ID: string;
  Spec: { Name: string; TaskTemplate?: { ContainerSpec?: { Image?: string } }; Mode?: { Replicated?: { Replicas?: number } }; Labels?: Record<string, string> };
  Endpoint?: { Ports?: { PublishedPort?: number; TargetPort?: number; Protocol?: string }[] };
  UpdateStatus?: { State?: string };
  /** Tasks whose state is running. */
  runningTasks: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A path in a container's filesystem as the archive API reports it (no tools needed in the image). */
export interface LabFile {
  type: 'file' | 'directory' | 'symlink' | 'other';
  /** Permission bits with setuid/setgid/sticky (mode & 0o7777). */
  mode: number;
  /** -1 when only the path's stat was asked for (statOnly: the daemon's stat carries no owner). */
  uid: number;
  gid: number;
  size: number;
  /** For a symlink: where it points. */
  linkTarget?: string;
  /** For a file: its text (UTF-8), at most maxBytes of it. */
  content?: string;
  truncated?: boolean;
}

export interface LabDaemon {
  /** undefined when there is no such container. */
  container(nameOrId: string): Promise<LabContainer | undefined>;
  /** Every container (running or not) whose name or labels match. */
  containers(filter?: { label?: string }): Promise<LabContainer[]>;
  network(nameOrId: string): Promise<LabNetwork | undefined>;
  volume(name: string): Promise<LabVolume | undefined>;
  image(reference: string): Promise<LabImage | undefined>;
  history(reference: string): Promise<LabHistoryEntry[]>;
  /** Runs argv in a running container (no shell unless argv asks for one). */
  exec(container: string, argv: readonly string[], options: { user?: string; timeoutMs: number }): Promise<ExecResult>;
  internals(container: string): Promise<ContainerInternals>;
  /** The path itself (a symlink is not followed), read through the archive API, running or not; undefined when there is no such path. */
  readFile(container: string, path: string, options?: { maxBytes?: number; statOnly?: boolean }): Promise<LabFile | undefined>;
  swarm(): Promise<LabSwarm>;
  service(name: string): Promise<LabService | undefined>;
}
