// What a history entry's `created_by` says, and whether a Dockerfile instruction could have written it.
// The legacy builder writes `/bin/sh -c #(nop)  ENV a=b` for metadata and `|2 A=1 B=2 /bin/sh -c cmd` or the
// bare exec-form argv for RUN; BuildKit writes `ENV a=b` and `RUN |1 A=1 /bin/sh -c cmd # buildkit`, and both
// print values the way Go formats them (`EXPOSE map[80/tcp:{}]`, `VOLUME [/data]`, `HEALTHCHECK &{…}`).
// Comparisons are loose on purpose: quotes, brackets, commas and runs of blanks do not count.
import type { Instruction, KeyValue } from '../dockerfile/model';
import type { HistoryEntry } from './types';

export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

export interface CreatedBy {
  builder: 'legacy' | 'buildkit';
  /** Upper-cased keyword; RUN for a legacy entry without `#(nop)`. */
  keyword: string;
  /** What follows the keyword: for RUN the command with its `|N k=v` build-arg prefix dropped. */
  text: string;
}

const NOP = /^.*?#\(nop\)\s+([A-Za-z]+)\b\s?([\s\S]*)$/;
const BUILDKIT_SUFFIX = / # buildkit$/;
const ARG_PREFIX = /^\|(\d+)\s/;

/** `|2 A=1 B=2 cmd` → `cmd`: the build args in scope that the builder prints before a RUN's command. */
function dropBuildArgs(command: string): string {
  const prefix = ARG_PREFIX.exec(command);
  if (!prefix) return command;
  let rest = command.slice(prefix[0].length);
  for (let n = Number(prefix[1]); n > 0; n--) rest = rest.replace(/^\S*=\S*\s?/, '');
  return rest;
}

export function parseCreatedBy(entry: Pick<HistoryEntry, 'createdBy' | 'comment'>): CreatedBy {
  const createdBy = entry.createdBy.trim();
  if (entry.comment === BUILDKIT_COMMENT || BUILDKIT_SUFFIX.test(createdBy)) {
    const text = createdBy.replace(BUILDKIT_SUFFIX, '');
    const space = text.search(/\s/);
    const keyword = (space < 0 ? text : text.slice(0, space)).toUpperCase();
    const rest = space < 0 ? '' : text.slice(space + 1);
    return { builder: 'buildkit', keyword, text: keyword === 'RUN' ? dropBuildArgs(rest) : rest };
  }
  const nop = NOP.exec(createdBy);
  if (nop) return { builder: 'legacy', keyword: nop[1]!.toUpperCase(), text: nop[2]!.trim() };
  return { builder: 'legacy', keyword: 'RUN', text: dropBuildArgs(createdBy) };
}

/** Quotes, brackets, braces and commas dropped, blanks collapsed: `["a", "b"]` and `[a b]` read the same. */
export function loose(text: string): string {
  return text.replace(/["'[\]{},]/g, ' ').replace(/\s+/g, ' ').trim();
}

const blanks = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Variables the builder may have expanded before writing the entry: then only the keyword can be compared. */
const hasVariable = (text: string) => text.includes('$');

/** What the dispatcher knows besides the instruction: the SHELL in effect and the Dockerfile's lines (heredoc bodies). */
export interface MatchContext {
  shell: readonly string[];
  lines: readonly string[];
}

function runMatches(entry: CreatedBy, instruction: Instruction, context: MatchContext): boolean {
  const text = blanks(entry.text);
  const heredoc = instruction.heredocs[0];
  if (heredoc?.contentRange) {
    // BuildKit runs a lone heredoc's body with the shell, or hands the shell the header and every body.
    const body = context.lines.slice(heredoc.contentRange.start.line, heredoc.contentRange.end.line + 1).join('\n');
    return text.includes(blanks(body));
  }
  if (instruction.json) return text === blanks(instruction.json.join(' '));
  const command = blanks(instruction.argsText);
  // The shell may be the base image's own SHELL, which the Dockerfile does not show: the command must end the entry.
  return text === blanks(`${context.shell.join(' ')} ${command}`) || text.endsWith(` ${command}`) || text === command;
}

function copyMatches(entry: CreatedBy, instruction: Instruction): boolean {
  const words = instruction.headerArgs.map((w) => w.value);
  if (words.length === 0 || hasVariable(instruction.argsText)) return true;
  const destination = words[words.length - 1]!;
  if (entry.builder === 'legacy') {
    // `COPY file:<hash> in /dst`, `COPY dir:<hash> in /dst`, `COPY --chown=1:1multi:<hash> in /dst/`
    const at = entry.text.lastIndexOf(' in ');
    return at >= 0 && blanks(entry.text.slice(at + 4)) === destination;
  }
  return loose(entry.text) === loose(words.join(' '));
}

function propertiesMatch(entry: CreatedBy, instruction: Instruction): boolean {
  const properties = instruction.properties;
  const bare = (p: KeyValue) => instruction.keyword === 'ARG' && p.value === null;
  // Values the builder expanded cannot be compared: then every name must be there.
  if (hasVariable(instruction.argsText)) return properties.every((p) => entry.text.includes(bare(p) ? p.key : `${p.key}=`));
  return blanks(entry.text) === blanks(properties.map((p) => (bare(p) ? p.key : `${p.key}=${p.value ?? ''}`)).join(' '));
}

/** `8080/tcp 9090` and `map[8080/tcp:{} 9090/tcp:{}]` name the same ports. */
function portsOf(text: string): string[] {
  return [...text.matchAll(/(\d+(?:-\d+)?)(?:\/(\w+))?/g)].map((m) => `${m[1]}/${(m[2] ?? 'tcp').toLowerCase()}`).sort();
}

function metadataMatches(entry: CreatedBy, instruction: Instruction, shell: readonly string[]): boolean {
  const args = instruction.argsText;
  if (instruction.keyword === 'ENV' || instruction.keyword === 'LABEL' || instruction.keyword === 'ARG') return propertiesMatch(entry, instruction);
  if (hasVariable(args)) return true;
  switch (instruction.keyword) {
    case 'EXPOSE':
      return portsOf(entry.text).join(' ') === portsOf(args).join(' ');
    case 'CMD':
    case 'ENTRYPOINT':
      return loose(entry.text) === loose(instruction.json ? instruction.json.join(' ') : `${shell.join(' ')} ${args}`);
    case 'HEALTHCHECK': {
      // `&{["CMD-SHELL" "wget …"] "30s" "3s" "0s" '\x00'}`: the test's command is what can be compared.
      const test = args.replace(/^\s*CMD\s+/i, '');
      return /^\s*NONE\s*$/i.test(args) ? entry.text.includes('NONE') : loose(entry.text).includes(loose(test));
    }
    case 'WORKDIR':
      // A relative WORKDIR is printed resolved against the one before.
      return loose(entry.text).endsWith(loose(args).replace(/^\.\/?/, ''));
    default:
      return loose(entry.text) === loose(args);
  }
}

/** Could this instruction, with this SHELL in effect, have written this entry? */
export function entryMatches(entry: CreatedBy, instruction: Instruction, context: MatchContext): boolean {
  if (entry.keyword !== instruction.keyword) return false;
  if (instruction.keyword === 'RUN') return runMatches(entry, instruction, context);
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') return copyMatches(entry, instruction);
  return metadataMatches(entry, instruction, context.shell);
}

/** Instructions a builder may leave out of the history: BuildKit before v0.11 writes no entry for ONBUILD. */
export function mayHaveNoEntry(instruction: Instruction): boolean {
  return instruction.keyword === 'ONBUILD';
}
