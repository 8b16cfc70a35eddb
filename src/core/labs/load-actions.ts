// A step's setup/solve/cleanup as written in the manifest (a list of commands, or { timeout, run }) into an Action.
// Strings are split into words with shell-quote and run without a shell, so anything only a shell
// would understand (operators, globs, variables, comments) is refused with the way to get it: `script:`.
import { parse } from 'shell-quote';
import { parseDuration } from './fields';
import type { Action, Command, SourcePosition } from './pack';
import type { ProblemList } from './manifest';
import type { YamlPath } from '../yaml-positions';

export const DEFAULT_ACTION_TIMEOUT_MS = 60_000;

const SCRIPT_HINT = 'commands run without a shell; write it as an argument array, or use `script:` for shell features (trusted workspaces only)';

/** A shell-quote token that is not a plain word, in words. */
function shellFeature(token: object): string {
  const t = token as { op?: string; pattern?: string; comment?: string; variable?: string };
  if (t.variable !== undefined) return `\`$${t.variable}\` is a shell variable`;
  if (t.comment !== undefined) return '`#` starts a shell comment';
  if (t.op === 'glob') return `\`${t.pattern}\` is a shell glob`;
  return `\`${t.op}\` is a shell operator`;
}

/** Splits a command string into words; undefined (with a problem) when it needs a shell. */
export function splitCommand(text: string, path: YamlPath, problems: ProblemList): string[] | undefined {
  // A variable comes back as an object so that it is refused, not silently expanded to ''.
  const tokens = parse(text, (name) => ({ variable: name }) as unknown as string);
  const feature = tokens.find((t): t is Exclude<typeof t, string> => typeof t !== 'string');
  if (feature) {
    problems.error(path, `${shellFeature(feature)}: ${SCRIPT_HINT.split(';')[0]}`, SCRIPT_HINT.split('; ')[1]);
    return undefined;
  }
  if (!tokens.length) {
    problems.error(path, 'the command is empty', 'write the command, or remove the entry');
    return undefined;
  }
  return tokens as string[];
}

function parseCommand(raw: unknown, path: YamlPath, at: (path: YamlPath) => SourcePosition, problems: ProblemList): Command | undefined {
  if (typeof raw === 'string') {
    const argv = splitCommand(raw, path, problems);
    return argv && { kind: 'argv', argv, at: at(path) };
  }
  if (Array.isArray(raw) && raw.length && raw.every((w) => typeof w === 'string')) return { kind: 'argv', argv: raw, at: at(path) };
  if (typeof raw === 'object' && raw !== null && typeof (raw as { script?: unknown }).script === 'string')
    return { kind: 'script', script: (raw as { script: string }).script, at: at(path) };
  return undefined; // the schema said what is wrong
}

/** The action at `path`, or undefined when it is absent or wrong (problems say how). */
export function parseAction(raw: unknown, path: YamlPath, at: (path: YamlPath) => SourcePosition, problems: ProblemList): Action | undefined {
  if (raw === undefined || raw === null) return undefined;
  let list: unknown = raw;
  let listPath = path;
  let timeoutMs = DEFAULT_ACTION_TIMEOUT_MS;
  if (!Array.isArray(raw)) {
    if (typeof raw !== 'object') return undefined;
    const { timeout, run } = raw as { timeout?: unknown; run?: unknown };
    if (timeout !== undefined) {
      const parsed = typeof timeout === 'string' || typeof timeout === 'number' ? parseDuration(timeout) : undefined;
      if (parsed === undefined || parsed <= 0) problems.error([...path, 'timeout'], `timeout: "${String(timeout)}" is not a duration`, 'write a number with ms, s, m or h: 500ms, 30s, 2m');
      else timeoutMs = parsed;
    }
    list = run;
    listPath = [...path, 'run'];
  }
  if (!Array.isArray(list)) return undefined;
  const commands = list.map((c, i) => parseCommand(c, [...listPath, i], at, problems)).filter((c): c is Command => c !== undefined);
  return { commands, timeoutMs, at: at(path) };
}
