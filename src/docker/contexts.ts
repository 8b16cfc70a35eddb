// Docker contexts as Docker itself stores them: `default` plus one
// <config dir>/contexts/meta/<sha256(name)>/meta.json per context (what `docker context ls` lists),
// and the items of the "Switch Docker Context" quick pick built from them. No vscode here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EndpointError, EndpointInputs, contextDigest, currentContextName, defaultEndpoint, dockerConfigDir, normalizeHost } from './endpoint';

export interface DockerContextEntry {
  name: string;
  /** The docker endpoint's host, URL form (unix://, tcp://, ssh://, npipe://). */
  host?: string;
  description?: string;
  /** The context's meta.json (none for `default`). */
  metaFile?: string;
  /** Why this context cannot be used (unreadable meta.json, no docker endpoint, bad host). */
  problem?: string;
}

interface MetaJson {
  Name?: unknown;
  Metadata?: { Description?: unknown } | null;
  Endpoints?: { docker?: { Host?: unknown } | null } | null;
}

/** Every context: `default` first (the default socket), then the stored ones by name. */
export function listDockerContexts(inputs: EndpointInputs = {}): DockerContextEntry[] {
  const env = inputs.env ?? process.env;
  const configDir = dockerConfigDir(env, inputs.homeDir ?? os.homedir());
  const metaDir = path.join(configDir, 'contexts', 'meta');
  const stored: DockerContextEntry[] = [];
  let dirs: string[] = [];
  try {
    dirs = fs.readdirSync(metaDir);
  } catch {
    // no contexts created yet
  }
  for (const dir of dirs) {
    const metaFile = path.join(metaDir, dir, 'meta.json');
    let meta: MetaJson | null;
    try {
      meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as MetaJson | null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      const what = error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message;
      stored.push({ name: `? ${dir.slice(0, 12)}`, metaFile, problem: `${metaFile}: ${what}` });
      continue;
    }
    const name = typeof meta?.Name === 'string' && meta.Name ? meta.Name : undefined;
    if (!name) {
      stored.push({ name: `? ${dir.slice(0, 12)}`, metaFile, problem: `${metaFile}: no "Name"` });
      continue;
    }
    const entry: DockerContextEntry = { name, metaFile };
    const description = meta?.Metadata?.Description;
    if (typeof description === 'string' && description) entry.description = description;
    if (contextDigest(name) !== dir) entry.problem = `${metaFile}: stored under ${dir}, not under the SHA-256 of "${name}"; Docker will not find it`;
    const rawHost = meta?.Endpoints?.docker?.Host;
    if (typeof rawHost !== 'string' || !rawHost) entry.problem ??= `${metaFile}: no docker endpoint`;
    else {
      try {
        entry.host = normalizeHost(rawHost);
      } catch (error) {
        entry.problem ??= `${metaFile}: ${(error as Error).message}`;
      }
    }
    stored.push(entry);
  }
  // By name, like `docker context ls`; entries whose name could not be read last.
  const unnamed = (c: DockerContextEntry) => (c.name.startsWith('? ') ? 1 : 0);
  stored.sort((a, b) => unnamed(a) - unnamed(b) || a.name.localeCompare(b.name));
  const fallback = defaultEndpoint(env, inputs.platform, inputs.exists);
  return [{ name: 'default', host: fallback.host, description: 'The default socket' }, ...stored.filter((c) => c.name !== 'default')];
}

/** A quick pick item (vscode.QuickPickItem's shape) for one context. */
export interface ContextPickItem {
  label: string;
  description?: string;
  detail: string;
  /** The context's name, what the shipshape.docker.context setting is set to. */
  context: string;
  current: boolean;
  /** False for contexts whose metadata cannot be used. */
  usable: boolean;
}

export interface ContextPick {
  items: ContextPickItem[];
  /** The context in effect, as resolveEndpoint sees it; undefined when a host decides instead. */
  current: string | undefined;
  /** Why no context or not the chosen one decides, to show as the quick pick's placeholder. */
  note?: string;
}

/** The items of "Switch Docker Context…": every context with its endpoint as detail, the current one marked. */
export function contextPickItems(inputs: EndpointInputs = {}): ContextPick {
  const env = inputs.env ?? process.env;
  let current: string | undefined;
  let note: string | undefined;
  try {
    current = currentContextName(inputs);
  } catch (error) {
    note = error instanceof EndpointError ? `${error.message}; ${error.hint}` : String(error);
  }
  if (inputs.host) note = `The shipshape.docker.host setting (${inputs.host}) takes precedence over contexts`;
  else if (!inputs.context && env.DOCKER_HOST) note = `DOCKER_HOST (${env.DOCKER_HOST}) decides now; a context picked here takes precedence over it`;
  const items = listDockerContexts(inputs).map((c): ContextPickItem => {
    const isCurrent = c.name === current;
    const description = [isCurrent ? 'current' : '', c.description ?? ''].filter(Boolean).join(' · ');
    return {
      label: `${isCurrent ? '$(check)' : '$(blank)'} ${c.name}`,
      ...(description ? { description } : {}),
      detail: c.problem ? `$(warning) ${c.problem}` : c.host!,
      context: c.name,
      current: isCurrent,
      usable: !c.problem,
    };
  });
  if (current && !note && !items.some((i) => i.current)) note = `The current context "${current}" is not among Docker's contexts`;
  return { items, current, ...(note ? { note } : {}) };
}
