// Where the Docker daemon is: the one place that decides it, with the Docker CLI's precedence:
// explicit host > explicit context > DOCKER_HOST > DOCKER_CONTEXT > config.json currentContext > default.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type EndpointSource = 'setting' | 'DOCKER_HOST' | 'context' | 'default';

export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
  /** Verify the daemon's certificate (false only when a context says SkipTLSVerify). */
  verify: boolean;
}

export interface DockerEndpoint {
  /** URL form: unix:///path, tcp://host:port, ssh://user@host:port, npipe:////./pipe/name */
  host: string;
  source: EndpointSource;
  /** The context name, when the endpoint came from a context (including "default"). */
  context?: string;
  tls?: TlsFiles;
}

export interface EndpointInputs {
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  platform?: NodeJS.Platform;
  /** The `shipshape.docker.host` setting or `--host` flag. */
  host?: string;
  /** The `shipshape.docker.context` setting or `--context` flag. */
  context?: string;
  /** Checks whether a socket path exists; injectable so tests need no real sockets. */
  exists?: (file: string) => boolean;
}

export class EndpointError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    /** Where it went wrong, when a file did: config.json or a context's meta.json. */
    readonly where: { file?: string; context?: string } = {},
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG || path.join(homeDir, '.docker');
}

/** Default sockets, tried in order: rootful Docker, rootless Docker, rootless and rootful Podman. */
export function defaultSocketCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') return ['npipe:////./pipe/docker_engine'];
  const list = ['/var/run/docker.sock'];
  if (env.XDG_RUNTIME_DIR) list.push(path.join(env.XDG_RUNTIME_DIR, 'docker.sock'), path.join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'));
  list.push('/run/podman/podman.sock');
  return list.map((p) => `unix://${p}`);
}

export function resolveEndpoint(inputs: EndpointInputs = {}): DockerEndpoint {
  const env = inputs.env ?? process.env;
  const home = inputs.homeDir ?? os.homedir();
  const platform = inputs.platform ?? process.platform;
  const exists = inputs.exists ?? fs.existsSync;

  if (inputs.host) return { host: normalizeHost(inputs.host), source: 'setting' };
  if (inputs.context) return fromContext(inputs.context, env, home, platform, exists);
  if (env.DOCKER_HOST) {
    const host = normalizeHost(env.DOCKER_HOST);
    const endpoint: DockerEndpoint = { host, source: 'DOCKER_HOST' };
    if (host.startsWith('tcp://') && env.DOCKER_TLS_VERIFY) {
      const certDir = env.DOCKER_CERT_PATH || dockerConfigDir(env, home);
      endpoint.tls = { ca: path.join(certDir, 'ca.pem'), cert: path.join(certDir, 'cert.pem'), key: path.join(certDir, 'key.pem'), verify: true };
    }
    return endpoint;
  }
  const contextName = env.DOCKER_CONTEXT || readCurrentContext(env, home);
  if (contextName) return fromContext(contextName, env, home, platform, exists);
  return defaultEndpoint(env, platform, exists);
}

/** True when the endpoint comes from config.json's `currentContext`, i.e. `docker context use` changes it:
 * neither a host nor a context is given, and DOCKER_HOST and DOCKER_CONTEXT are not in the environment. */
export function followsCurrentContext(inputs: EndpointInputs = {}): boolean {
  const env = inputs.env ?? process.env;
  return !inputs.host && !inputs.context && !env.DOCKER_HOST && !env.DOCKER_CONTEXT;
}

/**
 * The name of the context in effect, with the same precedence as resolveEndpoint, without reading its
 * meta.json: undefined when a host (setting or DOCKER_HOST) decides instead; "default" when nothing does.
 * Throws EndpointError when config.json has to be read and is malformed.
 */
export function currentContextName(inputs: EndpointInputs = {}): string | undefined {
  const env = inputs.env ?? process.env;
  if (inputs.host) return undefined;
  if (inputs.context) return inputs.context;
  if (env.DOCKER_HOST) return undefined;
  return env.DOCKER_CONTEXT || readCurrentContext(env, inputs.homeDir ?? os.homedir()) || 'default';
}

/** Docker stores a context's metadata under the SHA-256 of its name. */
export function contextDigest(name: string): string {
  return crypto.createHash('sha256').update(name).digest('hex');
}

export function contextMetaFile(configDir: string, name: string): string {
  return path.join(configDir, 'contexts', 'meta', contextDigest(name), 'meta.json');
}

export function defaultEndpoint(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, exists: (f: string) => boolean = fs.existsSync): DockerEndpoint {
  const candidates = defaultSocketCandidates(env, platform);
  const found = candidates.find((c) => !c.startsWith('unix://') || exists(c.slice('unix://'.length)));
  return { host: found ?? candidates[0]!, source: 'default' };
}

function readCurrentContext(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const file = path.join(dockerConfigDir(env, home), 'config.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // no config.json: the default context
  }
  try {
    const parsed = JSON.parse(text) as { currentContext?: unknown } | null;
    const current = parsed?.currentContext;
    return typeof current === 'string' && current ? current : undefined;
  } catch (error) {
    throw new EndpointError(`${file}: not valid JSON (${(error as Error).message})`, 'fix or remove the file, or set DOCKER_HOST', { file });
  }
}

function fromContext(name: string, env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform, exists: (f: string) => boolean): DockerEndpoint {
  if (name === 'default') return { ...defaultEndpoint(env, platform, exists), source: 'context', context: 'default' };
  const configDir = dockerConfigDir(env, home);
  const digest = contextDigest(name);
  const metaFile = contextMetaFile(configDir, name);
  let meta: { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } } | null;
  try {
    meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new EndpointError(
      missing
        ? `Docker context "${name}" not found (no ${metaFile})`
        : `${metaFile}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message}`,
      missing
        ? 'list contexts with `docker context ls`, or pick another in the shipshape.docker.context setting'
        : 'fix the file, or recreate the context with `docker context rm` and `docker context create`',
      { file: metaFile, context: name },
    );
  }
  const docker = meta?.Endpoints?.docker;
  if (!docker?.Host) {
    throw new EndpointError(`Docker context "${name}" has no docker endpoint (${metaFile})`, 'recreate it with `docker context create`', { file: metaFile, context: name });
  }
  let host: string;
  try {
    host = normalizeHost(docker.Host);
  } catch (error) {
    throw new EndpointError(`${metaFile}: ${(error as Error).message}`, (error as EndpointError).hint ?? '', { file: metaFile, context: name });
  }
  const endpoint: DockerEndpoint = { host, source: 'context', context: name };
  const tlsDir = path.join(configDir, 'contexts', 'tls', digest, 'docker');
  const file = (f: string) => (fs.existsSync(path.join(tlsDir, f)) ? path.join(tlsDir, f) : undefined);
  const [ca, cert, key] = [file('ca.pem'), file('cert.pem'), file('key.pem')];
  if (ca || cert || key) endpoint.tls = { ca, cert, key, verify: !docker.SkipTLSVerify };
  return endpoint;
}

/** Accepts what DOCKER_HOST accepts, including a bare path or host:port, and returns the URL form. */
export function normalizeHost(raw: string): string {
  const value = raw.trim();
  if (/^(unix|tcp|ssh|npipe|http|https):\/\//.test(value)) return value.replace(/^https?:\/\//, 'tcp://');
  if (value.startsWith('/')) return `unix://${value}`;
  if (/^[\w.-]+:\d+$/.test(value)) return `tcp://${value}`;
  throw new EndpointError(`"${raw}" is not a Docker host`, 'use unix:///path/to/docker.sock, tcp://host:port or ssh://user@host');
}
