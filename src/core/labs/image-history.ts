// Whether an image was built from a Dockerfile, judged from the image's history alone.
//
// The comparison, and its limits (docs/packs.md repeats them):
// - The Dockerfile's final stage is the one compared (a build with --target another stage does not
//   match); a stage FROM an earlier stage brings that stage's instructions first.
// - Each instruction after FROM leaves one history entry, in both builders. The newest entries must be,
//   in order, the Dockerfile's instructions: same keyword each; RUN's command must end the entry's
//   (whitespace collapsed: the legacy builder keeps a continuation's indentation and puts
//   `|N ARG=value ` before a command built with build arguments); COPY and ADD must name the same
//   destination (the legacy builder shows sources as content hashes, so what was copied is not compared).
//   Other instructions' values are not compared: both builders record them after expanding variables.
// - LABEL entries above those are allowed: `docker build --label` adds one per label.
// - The entries below must be the base image's own history, when that image is on the daemon.
// Entries are read as the legacy builder (`/bin/sh -c #(nop) KEYWORD …`, a bare command for RUN) and as
// BuildKit (`KEYWORD … # buildkit`) write them.
import { parseDockerfile, type Instruction, type Stage } from '../dockerfile/model';
import type { LabHistoryEntry } from './daemon';

export interface HistoryInstruction {
  keyword: string;
  text: string;
}

const KEYWORDS = /^(RUN|COPY|ADD|ENV|ARG|LABEL|WORKDIR|USER|EXPOSE|VOLUME|CMD|ENTRYPOINT|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|MAINTAINER)(?:\s+([\s\S]*))?$/;
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What instruction made a history entry: `/bin/sh -c #(nop)  USER app` is USER app; a bare command is RUN. */
export function historyInstruction(createdBy: string): HistoryInstruction {
  const s = createdBy.replace(/\s*# buildkit\s*$/, '').trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s+(\S+)\s*([\s\S]*)$/.exec(s);
  if (nop) return { keyword: nop[1]!.toUpperCase(), text: nop[2]!.trim() };
  const named = KEYWORDS.exec(s);
  if (named) return { keyword: named[1]!, text: (named[2] ?? '').trim() };
  return { keyword: 'RUN', text: s };
}

/** The instructions the final stage is built from, FROM lines left out, with the shell each RUN ran in. */
function builtInstructions(stage: Stage): { instruction: Instruction; shell: string[] }[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
  const out: { instruction: Instruction; shell: string[] }[] = [];
  let shell = ['/bin/sh', '-c'];
  for (const instruction of chain.flatMap((s) => s.instructions)) {
    if (instruction.keyword === 'FROM') continue;
    out.push({ instruction, shell });
    if (instruction.keyword === 'SHELL' && instruction.json) shell = instruction.json;
  }
  return out;
}

/** The destination of COPY/ADD as written (the last argument), unless a variable makes it unknowable here. */
function destination(instruction: Instruction): string | undefined {
  const dest = instruction.json ? instruction.json[instruction.json.length - 1] : instruction.headerArgs[instruction.headerArgs.length - 1]?.value;
  return dest && !dest.includes('$') ? dest : undefined;
}

function historyDestination(h: HistoryInstruction): string {
  const legacy = / in (\S+)\s*$/.exec(h.text);
  return legacy ? legacy[1]! : (h.text.split(/\s+/).pop() ?? '');
}

/** Why one history entry does not come from one instruction, or undefined when it does. */
function mismatch(instruction: Instruction, shell: string[], h: HistoryInstruction): string | undefined {
  if (h.keyword !== instruction.keyword) return `${h.keyword} ${h.text}`.trim();
  if (instruction.keyword === 'RUN' && instruction.heredocs.length === 0) {
    const command = instruction.json ? instruction.json.join(' ') : `${shell.join(' ')} ${instruction.argsText}`;
    if (!collapse(h.text).endsWith(collapse(command))) return `RUN ${h.text}`;
  }
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    const dest = destination(instruction);
    if (dest !== undefined && historyDestination(h) !== dest) return `${h.keyword} to ${historyDestination(h)}`;
  }
  return undefined;
}

export interface BuildComparison {
  ok: boolean;
  /** What the Dockerfile says, for the observation. */
  expected: string;
  actual: string;
  /** 1-based line of the instruction that does not match. */
  line?: number;
  /** The final stage's base as written (to compare with the base image's own history). */
  base: string | undefined;
  /** How many of the newest history entries the Dockerfile accounts for. */
  count: number;
}

/** Compares an image's history (newest first, as the daemon gives it) with a Dockerfile's final stage. */
export function compareWithDockerfile(dockerfile: string, history: readonly LabHistoryEntry[], file: string): BuildComparison {
  const model = parseDockerfile(dockerfile);
  const final = model.stages[model.stages.length - 1];
  if (!final) return { ok: false, expected: `a Dockerfile with a FROM`, actual: `${file} has no FROM`, base: undefined, count: 0 };
  const wanted = builtInstructions(final);
  let root: Stage = final;
  while (root.parent) root = root.parent;
  const raw = root.image?.raw;
  const base = raw && !raw.includes('$') ? raw : undefined;
  const expected = `built from ${file} (${wanted.length} instruction${wanted.length === 1 ? '' : 's'} after FROM ${root.image?.raw ?? '?'})`;
  // `docker build --label k=v` adds a LABEL entry per label above the Dockerfile's own: try skipping them.
  let labels = 0;
  while (labels < history.length && historyInstruction(history[labels]!.CreatedBy).keyword === 'LABEL') labels++;
  let best: { at: number; why: string } | undefined;
  for (let skip = 0; skip <= labels; skip++) {
    const newestFirst = history.slice(skip, skip + wanted.length);
    if (newestFirst.length < wanted.length) break;
    const oldestFirst = [...newestFirst].reverse();
    const k = wanted.findIndex(({ instruction, shell }, j) => mismatch(instruction, shell, historyInstruction(oldestFirst[j]!.CreatedBy)) !== undefined);
    if (k === -1) return { ok: true, expected, actual: `its ${wanted.length} newest history entries${skip ? ` (under ${skip} from --label)` : ''} match ${file}`, base, count: skip + wanted.length };
    if (!best || k > best.at) best = { at: k, why: mismatch(wanted[k]!.instruction, wanted[k]!.shell, historyInstruction(oldestFirst[k]!.CreatedBy))! };
  }
  if (!best) return { ok: false, expected, actual: `the image has ${history.length} history entries, fewer than ${file} makes`, base, count: wanted.length };
  const { instruction } = wanted[best.at]!;
  const line = instruction.range.start.line + 1;
  const written = collapse(`${instruction.keywordText.toUpperCase()} ${instruction.argsText}`);
  return { ok: false, expected: `${file}:${line} ${written}`, actual: `the image's entry ${best.at + 1} after its base is ${best.why}`, line, base, count: wanted.length };
}

/** Whether the entries below the Dockerfile's are the base image's own history (CreatedBy lines, in order). */
export function sitsOnBase(history: readonly LabHistoryEntry[], count: number, baseHistory: readonly LabHistoryEntry[]): boolean {
  const below = history.slice(count);
  return below.length === baseHistory.length && below.every((h, k) => h.CreatedBy === baseHistory[k]!.CreatedBy);
}
