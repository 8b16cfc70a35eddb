// What rule files use to declare themselves, to walk the instructions and commands they check, and to build fixes.
import type { DockerfileModel, Instruction, Range } from '../dockerfile/model';
import { allInstructions } from '../dockerfile/model';
import { commandsNamed, type ShellCommand } from '../dockerfile/shell';
import type { Fix, Rule, RuleContext, RuleMeta, TextEdit } from './types';

export function defineRule(meta: RuleMeta, check: Rule['check']): Rule {
  return { meta, check };
}

/**
 * A rule that judges each instruction of `keywords` (ONBUILD triggers included) on its own: what it reports may
 * depend only on the instruction's own lines, the escape character, the shell that runs it (ctx.shell), whether it
 * is an ONBUILD trigger and ctx.settings — never on other instructions, its stage or the build context. The linter
 * caches its findings per instruction (see Rule.perInstruction).
 */
export function defineInstructionRule(meta: RuleMeta, keywords: string | readonly string[], check: (instruction: Instruction, ctx: RuleContext) => void): Rule {
  const list = typeof keywords === 'string' ? [keywords] : keywords;
  return {
    meta,
    perInstruction: { keywords: list, check },
    check: (ctx) => {
      for (const instruction of instructionsOf(ctx.model, list)) check(instruction, ctx);
    },
  };
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

interface InstructionIndex {
  all: Instruction[];
  withTriggers: Map<string, Instruction[]>;
  topLevel: Map<string, Instruction[]>;
}

/** Per-model lists by keyword, built once: 111 rules ask for them on every lint. */
const indexes = new WeakMap<DockerfileModel, InstructionIndex>();

function indexOf(model: DockerfileModel): InstructionIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = { all: [...allInstructions(model)], withTriggers: new Map(), topLevel: new Map() };
  const add = (map: Map<string, Instruction[]>, i: Instruction) => {
    const list = map.get(i.keyword);
    if (list) list.push(i);
    else map.set(i.keyword, [i]);
  };
  for (const i of index.all) add(index.withTriggers, i);
  for (const i of model.instructions) add(index.topLevel, i);
  indexes.set(model, index);
  return index;
}

const NONE: readonly Instruction[] = Object.freeze([]);

/** Every instruction including ONBUILD triggers, in document order (shared: do not modify). */
export function everyInstruction(model: DockerfileModel): readonly Instruction[] {
  return indexOf(model).all;
}

/** Instructions with one of the keywords, including ONBUILD triggers when `withTriggers`, in document order (shared: do not modify). */
export function instructionsOf(model: DockerfileModel, keywords: string | readonly string[], withTriggers = true): readonly Instruction[] {
  const index = indexOf(model);
  const map = withTriggers ? index.withTriggers : index.topLevel;
  if (typeof keywords === 'string') return map.get(keywords) ?? NONE;
  if (keywords.length === 1) return map.get(keywords[0]!) ?? NONE;
  const source = withTriggers ? index.all : model.instructions;
  return source.filter((i) => keywords.includes(i.keyword));
}

/** The shell commands of one instruction (see RuleContext.shell); with `names`, only commands of those names. */
export function commandsIn(ctx: RuleContext, instruction: Instruction, ...names: string[]): readonly ShellCommand[] {
  const script = ctx.shell(instruction);
  if (!script) return [];
  return names.length === 0 ? script.commands : commandsNamed(script, ...names);
}

/** A JSON array literal of strings, as Docker's exec form wants it. */
export function toExecForm(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}
