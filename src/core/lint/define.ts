// What rule files use to declare themselves and to build fixes.
import type { DockerfileModel, Instruction, Range } from '../dockerfile/model';
import { allInstructions } from '../dockerfile/model';
import type { Fix, Rule, RuleMeta, TextEdit } from './types';

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

export function fix(title: string, ...edits: TextEdit[]): Fix {
  return { title, edits };
}

/** Instructions with one of the keywords, including ONBUILD triggers when `withTriggers`. */
export function instructionsOf(model: DockerfileModel, keywords: string | string[], withTriggers = true): Instruction[] {
  const wanted = Array.isArray(keywords) ? keywords : [keywords];
  const source = withTriggers ? [...allInstructions(model)] : model.instructions;
  return source.filter((i) => wanted.includes(i.keyword));
}

/** A JSON array literal of strings, as Docker's exec form wants it. */
export function toExecForm(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}
