// The field types a check kind declares, and how a value written in a pack is parsed into one.
// The loader validates every check's fields with these; the docs and the JSON Schema are generated from them.

export type FieldType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  /** "256m", "1.5g", "512k", "1024" (bytes): parsed with Docker's 1024-based units, as `--memory` does. */
  | 'bytes'
  /** "0.5" or 0.5: CPUs, as `--cpus` takes them. */
  | 'cpus'
  /** "500ms", "2s", "1m": parsed to milliseconds. */
  | 'duration'
  /** "8080:80/tcp", "8080:80", "127.0.0.1:8080:80/udp". */
  | 'port'
  /** One port or a list of them, each as for 'port'. */
  | 'port[]'
  | 'enum'
  | 'string[]'
  /** `true`, or a list of strings (dockerfile's lintClean: true, or the rule ids that must not be reported). */
  | 'true-or-list'
  /** { KEY: value } of strings. */
  | 'map'
  /** A string, or { equals | contains | matches } (matches: a JavaScript regular expression). */
  | 'text';

export interface FieldSpec {
  type: FieldType;
  description: string;
  /** For 'enum'. */
  values?: readonly string[];
  required?: boolean;
  /** For 'bytes': -1 or "unlimited" are accepted too, parsed to -1 (as --memory-swap -1 means no limit). */
  unlimited?: boolean;
  /** Shown in docs, e.g. "bytes (256m, 1g)". */
  unit?: string;
  /** 'image': the value names an image the pack declares (its logical name, tag or reference); the loader checks it is declared. */
  refersTo?: 'image';
}

export type TextMatch = { equals: string } | { contains: string } | { matches: string };

export interface PublishedPort {
  hostIp?: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string; hint?: string };

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4 };

/** Docker's RAMInBytes: a number and an optional unit, case-insensitive, 1024-based. */
export function parseBytes(raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? Math.round(raw) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?b?)\s*$/i.exec(raw);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * BYTE_UNITS[m[2]!.toLowerCase()]!);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "500ms", "2s", "1.5m", "1h"; a bare number is milliseconds. */
export function parseDuration(raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(raw);
  if (!m) return undefined;
  return Number(m[1]) * DURATION_UNITS[m[2] ?? 'ms']!;
}

export function parseCpus(raw: string | number): number | undefined {
  const n = typeof raw === 'number' ? raw : /^\s*\d+(?:\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** `[hostIp:]hostPort:containerPort[/protocol]`, as `docker run -p` takes it (without ranges). */
export function parsePort(raw: string | number): PublishedPort | undefined {
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(\d{1,5}):(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(String(raw).trim());
  if (!m) return undefined;
  const hostPort = Number(m[2]);
  const containerPort = Number(m[3]);
  if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) return undefined;
  return { ...(m[1] ? { hostIp: m[1].replace(/^\[|\]$/g, '') } : {}), hostPort, containerPort, protocol: (m[4] as PublishedPort['protocol']) ?? 'tcp' };
}

const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** Parses one field's value as written in the pack; the message says what was wanted. */
export function parseField(spec: FieldSpec, raw: unknown): Parsed {
  const bad = (message: string, hint?: string): Parsed => ({ ok: false, message, ...(hint ? { hint } : {}) });
  const ok = (value: unknown): Parsed => ({ ok: true, value });
  switch (spec.type) {
    case 'string':
      return typeof raw === 'string' ? ok(raw) : typeof raw === 'number' ? ok(String(raw)) : bad('expected a string');
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : bad('expected true or false');
    case 'integer':
      return Number.isInteger(raw) ? ok(raw) : bad('expected a whole number');
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? ok(raw) : bad('expected a number');
    case 'bytes': {
      if (spec.unlimited && (raw === -1 || raw === '-1' || raw === 'unlimited')) return ok(-1);
      const v = typeof raw === 'string' || typeof raw === 'number' ? parseBytes(raw) : undefined;
      const hint = `write a number of bytes with an optional unit: 256m, 1.5g, 512k${spec.unlimited ? ', or -1 for no limit' : ''}`;
      return v === undefined ? bad(`"${String(raw)}" is not a size`, hint) : ok(v);
    }
    case 'cpus': {
      const v = typeof raw === 'string' || typeof raw === 'number' ? parseCpus(raw) : undefined;
      return v === undefined ? bad(`"${String(raw)}" is not a number of CPUs`, 'write CPUs as --cpus takes them: 0.5, 1, 2') : ok(v);
    }
    case 'duration': {
      const v = typeof raw === 'string' || typeof raw === 'number' ? parseDuration(raw) : undefined;
      return v === undefined ? bad(`"${String(raw)}" is not a duration`, 'write a number with ms, s, m or h: 500ms, 2s, 1m') : ok(v);
    }
    case 'port': {
      const v = typeof raw === 'string' || typeof raw === 'number' ? parsePort(raw) : undefined;
      return v === undefined ? bad(`"${String(raw)}" is not a published port`, 'write it as docker run -p takes it: 8080:80/tcp') : ok(v);
    }
    case 'port[]': {
      const list = Array.isArray(raw) ? raw : [raw];
      const ports = list.map((p) => (typeof p === 'string' || typeof p === 'number' ? parsePort(p) : undefined));
      const at = ports.findIndex((p) => p === undefined);
      return at < 0 ? ok(ports) : bad(`"${String(list[at])}" is not a published port`, 'write each as docker run -p takes it: 8080:80/tcp');
    }
    case 'enum':
      return typeof raw === 'string' && spec.values?.includes(raw) ? ok(raw) : bad(`expected one of ${spec.values?.join(', ')}`);
    case 'string[]':
      return Array.isArray(raw) && raw.every((x) => typeof x === 'string') ? ok(raw) : typeof raw === 'string' ? ok([raw]) : bad('expected a list of strings');
    case 'true-or-list':
      return raw === true || (Array.isArray(raw) && raw.length > 0 && raw.every((x) => typeof x === 'string')) ? ok(raw) : bad('expected true or a list of strings');
    case 'map':
      return isStringMap(raw) ? ok(raw) : bad('expected a mapping of names to strings');
    case 'text': {
      if (typeof raw === 'string') return ok({ equals: raw });
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('expected a string or one of equals, contains, matches');
      const keys = Object.keys(raw);
      const value = (raw as Record<string, unknown>)[keys[0]!];
      if (keys.length !== 1 || !['equals', 'contains', 'matches'].includes(keys[0]!) || typeof value !== 'string')
        return bad('expected exactly one of equals, contains or matches, with a string');
      if (keys[0] === 'matches') {
        try {
          new RegExp(value);
        } catch (e) {
          return bad(`not a regular expression: ${(e as Error).message}`);
        }
      }
      return ok(raw);
    }
  }
}

/** Whether a text matches, and the words for what was expected. */
export function matchText(match: TextMatch, actual: string): { ok: boolean; expected: string } {
  if ('equals' in match) return { ok: actual.trim() === match.equals.trim(), expected: match.equals };
  if ('contains' in match) return { ok: actual.includes(match.contains), expected: `to contain "${match.contains}"` };
  return { ok: new RegExp(match.matches).test(actual), expected: `to match /${match.matches}/` };
}
