// What rule files use to declare themselves, to walk the instructions and commands they check, and to build fixes.
import type { DockerfileModel, Instruction, Range } from '../dockerfile/model';
import { allInstructions } from '../dockerfile/model';
import type { ShellCommand, ShellScript } from '../dockerfile/shell';
import type { Fix, Rule, RuleContext, RuleMeta, TextEdit } from './types';

export function defineRule(meta: RuleMeta, check: Rule['check']): Rule {
  return { meta, check };
}

export const hadolintDocs = (id: string) => `https://github.com/hadolint/hadolint/wiki/${id}`;
/** BuildKit's pages are at kebab-case names: JSONArgsRecommended → json-args-recommended. */
export const buildkitDocs = (name: string) =>
  `https://docs.docker.com/reference/build-checks/${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase()}/`;
/** Syntax rules have no page of their own upstream: they link the Dockerfile reference (the hover carries the rule's own docs). */
export const shipshapeDocs = (_id: string) => 'https://docs.docker.com/reference/dockerfile/';

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

/** Inserts text right after a range (a word, a flag): ` -y` after `install`. */
export function insertAfter(range: Range, newText: string): TextEdit {
  return insertAt(range.end.line, range.end.character, newText);
}

/** A range (a flag, a word) and the blanks after it on its last line: what a fix deletes to remove it. */
export function removalWithBlanks(model: DockerfileModel, range: Range): Range {
  const line = model.lines[range.end.line] ?? '';
  let end = range.end.character;
  while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
  return { start: range.start, end: { line: range.end.line, character: end } };
}

export function fix(title: string, ...edits: TextEdit[]): Fix {
  return { title, edits };
}

/** Instructions with one of the keywords, including ONBUILD triggers when `withTriggers`. */
export function instructionsOf(model: DockerfileModel, keywords: string | string[], withTriggers = true): Instruction[] {
  const wanted = Array.isArray(keywords) ? keywords : [keywords];
  const source = withTriggers ? [...allInstructions(model)] : model.instructions;
  return source.filter((i) => wanted.includes(i.keyword));
}

export interface RunCommand {
  command: ShellCommand;
  /** The RUN (or ONBUILD's RUN) the command is in. */
  instruction: Instruction;
  script: ShellScript;
}

/** Every shell command of every RUN, ONBUILD RUN included, in document order; with `names`, only commands of those names. */
export function* runCommands(ctx: RuleContext, ...names: string[]): Generator<RunCommand> {
  for (const instruction of instructionsOf(ctx.model, 'RUN')) {
    const script = ctx.shell(instruction);
    if (!script) continue;
    for (const command of script.commands) if (names.length === 0 || names.includes(command.name)) yield { command, instruction, script };
  }
}

/** A JSON array literal of strings, as Docker's exec form wants it. */
export function toExecForm(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}
