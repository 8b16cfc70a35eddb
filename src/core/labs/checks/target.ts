// The container a check of the container family looks at: found, or the failed observation that says
// it is missing (or not running) and how to fix that. A DaemonError from the lookup propagates: errored.
import { parse } from 'shell-quote';
import { observe, type CheckContext, type Observation } from '../check';
import type { LabContainer } from '../daemon';
import type { FieldSpec, TextMatch } from '../fields';

/** The field every kind of the family has. */
export const CONTAINER_FIELD: FieldSpec = { type: 'string', required: true, description: 'The container, by name or id.' };

export type Target = { container: LabContainer; failed?: undefined } | { container?: undefined; failed: Observation[] };

export const nameOf = (c: LabContainer) => c.Name.replace(/^\//, '');

/** "running", "paused", "exited (code 137, OOM-killed)". */
export function stateText(c: LabContainer): string {
  const s = c.State;
  if (s.Status !== 'exited' && s.Status !== 'dead') return s.Status;
  return `${s.Status} (code ${s.ExitCode}${s.OOMKilled ? ', OOM-killed' : ''})`;
}

/** The observation for a container that is not there. */
export function missing(reference: string, field = 'container'): Observation {
  return observe(field, false, `a container named ${reference}`, `no container named ${reference}`, `create it with \`docker run --name ${reference} …\``);
}

/** What to run to get a stopped, paused or restarting container running. */
export function startHint(c: LabContainer): string {
  const name = nameOf(c);
  if (c.State.Paused) return `unpause it with \`docker unpause ${name}\``;
  if (c.State.Status === 'restarting') return `it keeps restarting: see why with \`docker logs ${name}\``;
  return `start it with \`docker start ${name}\``;
}

/** Finds the container; with `running`, one that is not running fails too (exec needs a process to run in). */
export async function findTarget(ctx: CheckContext, reference: string, options: { running?: boolean } = {}): Promise<Target> {
  const container = await ctx.daemon.container(reference);
  if (!container) return { failed: [missing(reference)] };
  if (options.running && (!container.State.Running || container.State.Paused)) {
    return { failed: [observe('running', false, 'running', stateText(container), startHint(container))] };
  }
  return { container };
}

/** Output or a value as an observation shows it: one line, at most `max` characters. */
export function shown(text: string, max = 200): string {
  const flat = text.trim().replace(/\r?\n/g, '\\n');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** An argv as a person would type it: words with spaces or shell characters single-quoted. */
export function commandLine(argv: readonly string[]): string {
  return argv.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** One string with blanks ("sleep 3600") is split into words as a shell would, $VARS left as written; a list is an argv as it is. */
export function argvOf(list: readonly string[]): string[] {
  if (list.length !== 1 || !/\s/.test(list[0]!)) return [...list];
  const words = parse(list[0]!, (name) => `$${name}`);
  return words.every((w): w is string => typeof w === 'string') ? words : list[0]!.trim().split(/\s+/);
}

/** "exactly "hello"", "text containing "hello"", "text matching /^h/". */
export function wantedText(match: TextMatch): string {
  if ('equals' in match) return match.equals.trim() === '' ? 'nothing' : `exactly "${match.equals.trim()}"`;
  if ('contains' in match) return `text containing "${match.contains}"`;
  return `text matching /${match.matches}/`;
}

export const printed = (text: string) => (text.trim() === '' ? '(nothing)' : shown(text));
