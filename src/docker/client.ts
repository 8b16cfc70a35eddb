// The one Docker client factory. Everything that talks to a daemon gets its client here.
import type Dockerode from 'dockerode';
import fs from 'node:fs';
import http from 'node:http';
import { DockerEndpoint, EndpointInputs, resolveEndpoint } from './endpoint';

export interface DockerClient {
  readonly api: Dockerode;
  readonly endpoint: DockerEndpoint;
}

/**
 * Local sockets get a new connection per request (cheap) instead of Node's kept-alive pool: a
 * stopping dockerd closes its socket at once but keeps serving open connections until it has
 * stopped its containers (10 s or more), so a pooled connection would hide that it is going away.
 */
const freshConnections = new http.Agent({ keepAlive: false });

/** dockerode's options; `agent` is docker-modem's, missing from @types/dockerode. */
export function dockerodeOptions(endpoint: DockerEndpoint): Dockerode.DockerOptions & { agent?: http.Agent } {
  const url = new URL(endpoint.host);
  switch (url.protocol) {
    case 'unix:':
      return { socketPath: decodeURIComponent(url.pathname), agent: freshConnections };
    case 'npipe:':
      return { socketPath: endpoint.host.slice('npipe:'.length).replace(/\//g, '\\'), agent: freshConnections };
    case 'ssh:':
      return {
        protocol: 'ssh',
        host: url.hostname,
        port: url.port ? Number(url.port) : 22,
        username: decodeURIComponent(url.username) || undefined,
        sshOptions: process.env.SSH_AUTH_SOCK ? { agent: process.env.SSH_AUTH_SOCK } : {},
      };
    case 'tcp:': {
      const tls = endpoint.tls;
      const read = (file?: string) => (file ? fs.readFileSync(file) : undefined);
      return {
        protocol: tls ? 'https' : 'http',
        host: url.hostname,
        port: url.port ? Number(url.port) : tls ? 2376 : 2375,
        ...(tls ? { ca: read(tls.ca), cert: read(tls.cert), key: read(tls.key) } : {}),
      };
    }
    default:
      throw new Error(`unsupported Docker host ${endpoint.host}`);
  }
}

export function createDockerClient(inputs: EndpointInputs = {}): DockerClient {
  return clientForEndpoint(resolveEndpoint(inputs));
}

/** A client for an endpoint already resolved. */
export function clientForEndpoint(endpoint: DockerEndpoint): DockerClient {
  // Loaded on first use: dockerode (with gRPC and ssh2) costs ~50 ms, which `shipshape lint` never needs.
  const DockerodeClass = require('dockerode') as typeof Dockerode;
  return { api: new DockerodeClass(dockerodeOptions(endpoint)), endpoint };
}

/** A daemon that could not be reached, with a reason a person can act on. */
export class DaemonUnreachableError extends Error {
  constructor(readonly reason: string, readonly endpoint: DockerEndpoint, override readonly cause?: unknown) {
    super(`Docker is not reachable: ${reason}`);
    this.name = 'DaemonUnreachableError';
  }
}

/** Turns a connection failure into "what was wrong, where, and what to do". */
export function describeConnectionError(error: unknown, endpoint: DockerEndpoint): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = endpoint.host;
  const via = endpoint.source === 'context' ? ` (context "${endpoint.context}")` : endpoint.source === 'DOCKER_HOST' ? ' (from DOCKER_HOST)' : '';
  switch (code) {
    case 'ENOENT':
      return `no daemon socket at ${where}${via}; start Docker (dockerd, Docker Desktop or Podman) or point DOCKER_HOST at a running daemon`;
    case 'ECONNREFUSED':
      return `connection refused at ${where}${via}; the daemon is not running or not listening there`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied on ${where}${via}; add your user to the docker group or use rootless Docker`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
      return `cannot reach ${where}${via} (${code})`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `${where}${via}: ${message}`;
    }
  }
}

/** True for errors that mean "no daemon there", as opposed to an API error from a live daemon. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^(ENOENT|ECONNREFUSED|ECONNRESET|EACCES|EPERM|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE)$/.test(code);
}

/** Runs a daemon call, turning connection failures into DaemonUnreachableError. */
export async function onDaemon<T>(client: DockerClient, call: (api: Dockerode) => Promise<T>): Promise<T> {
  try {
    return await call(client.api);
  } catch (error) {
    if (isConnectionError(error)) throw new DaemonUnreachableError(describeConnectionError(error, client.endpoint), client.endpoint, error);
    throw error;
  }
}
