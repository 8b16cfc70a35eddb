// Compares Shipshape's findings with what the references' tests expect. hadolint: per case, is the number
// of findings of the spec's code (as an id or an alias) what the spec asks for. BuildKit: the findings
// under a BuildKit check name (id or alias) against the test's whole list of (check, line) warnings, as
// true/false positives and false negatives per check, then precision, recall and F1.
import { parseDockerfile } from '../../src/core/dockerfile/model';
import type { Finding } from '../../src/core/lint/types';
import type { BuildkitCase, CaseOrigin, HadolintCase } from './case';

export interface Disagreement {
  reference: 'hadolint' | 'buildkit';
  rule: string;
  name: string;
  /** file:line of the case in the reference. */
  at: string;
  expected: string;
  got: string;
  /** The Dockerfile Shipshape linted (in the JSON report only). */
  dockerfile: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface HadolintScore {
  compared: number;
  agreed: number;
  disagreements: Disagreement[];
}

export interface BuildkitScore extends Counts {
  compared: number;
  /** Cases whose warnings matched exactly. */
  agreed: number;
  perRule: Record<string, Counts>;
  precision: number;
  recall: number;
  f1: number;
  disagreements: Disagreement[];
}

const at = (c: CaseOrigin) => `${c.file}:${c.line}`;

/** The Dockerfile with each RUN instruction written as ONBUILD RUN, as hadolint's onBuild helpers run it. */
export function wrapRunInOnbuild(text: string): string {
  const model = parseDockerfile(text);
  const lines = text.split('\n');
  for (const instruction of [...model.instructions].reverse()) {
    if (instruction.keyword !== 'RUN') continue;
    const { line, character } = instruction.keywordRange.start;
    lines[line] = `${lines[line]!.slice(0, character)}ONBUILD ${lines[line]!.slice(character)}`;
  }
  return lines.join('\n');
}

function expectation(c: HadolintCase): string {
  if (c.max === undefined) return `at least ${c.min}`;
  return c.min === c.max ? `exactly ${c.min}` : `${c.min} to ${c.max}`;
}

/** `lint` runs Shipshape on a Dockerfile for a case of `code`. */
export function compareHadolint(cases: readonly HadolintCase[], lint: (dockerfile: string, code: string) => readonly Finding[]): HadolintScore {
  const score: HadolintScore = { compared: 0, agreed: 0, disagreements: [] };
  for (const c of cases) {
    const text = c.onbuild ? wrapRunInOnbuild(c.dockerfile) : c.dockerfile;
    const found = lint(text, c.code).filter((f) => f.code === c.code || f.aliases.includes(c.code));
    score.compared++;
    if (found.length >= c.min && (c.max === undefined || found.length <= c.max)) {
      score.agreed++;
      continue;
    }
    const lines = found.map((f) => f.range.start.line + 1);
    score.disagreements.push({
      reference: 'hadolint',
      rule: c.code,
      name: `${c.onbuild ? '(ONBUILD) ' : ''}${c.name}`,
      at: at(c),
      expected: `${expectation(c)} ${c.code}`,
      got: found.length ? `${found.length} (line ${lines.join(', ')})` : '0',
      dockerfile: text,
    });
  }
  return score;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Lines per check, sorted; `undefined` (a line the reference does not check) last. */
function byRule(pairs: readonly { rule: string; line?: number }[]): Map<string, (number | undefined)[]> {
  const out = new Map<string, (number | undefined)[]>();
  for (const p of pairs) (out.get(p.rule) ?? out.set(p.rule, []).get(p.rule)!).push(p.line);
  for (const lines of out.values()) lines.sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return out;
}

/** How many of `got` match an expected line, each matching once; an expected warning without a line takes any line left. */
function matched(expected: readonly (number | undefined)[], got: readonly (number | undefined)[]): number {
  const left = [...expected];
  const unmatched: (number | undefined)[] = [];
  let n = 0;
  for (const line of got) {
    const k = left.indexOf(line);
    if (k >= 0) {
      left.splice(k, 1);
      n++;
    } else unmatched.push(line);
  }
  return n + Math.min(unmatched.length, left.filter((l) => l === undefined).length);
}

/** `names`: BuildKit's check names; a finding counts under the first of its id and aliases that is one. */
export function compareBuildkit(cases: readonly BuildkitCase[], names: ReadonlySet<string>, lint: (dockerfile: string) => readonly Finding[]): BuildkitScore {
  const score: BuildkitScore = { compared: 0, agreed: 0, tp: 0, fp: 0, fn: 0, perRule: {}, precision: 0, recall: 0, f1: 0, disagreements: [] };
  for (const c of cases) {
    score.compared++;
    const got = lint(c.dockerfile).flatMap((f) => {
      const rule = [f.code, ...f.aliases].find((n) => names.has(n));
      return rule ? [{ rule, line: f.range.start.line + 1 }] : [];
    });
    const expected = byRule(c.warnings);
    const reported = byRule(got);
    let agreed = true;
    for (const rule of new Set([...expected.keys(), ...reported.keys()])) {
      const want = expected.get(rule) ?? [];
      const have = reported.get(rule) ?? [];
      const tp = matched(want, have);
      const counts = (score.perRule[rule] ??= { tp: 0, fp: 0, fn: 0 });
      counts.tp += tp;
      counts.fp += have.length - tp;
      counts.fn += want.length - tp;
      if (tp === want.length && tp === have.length) continue;
      agreed = false;
      const show = (lines: (number | undefined)[]) => (lines.length ? `line ${lines.map((l) => l ?? '?').join(', ')}` : 'none');
      score.disagreements.push({ reference: 'buildkit', rule, name: c.name, at: at(c), expected: show(want), got: show(have), dockerfile: c.dockerfile });
    }
    if (agreed) score.agreed++;
  }
  for (const counts of Object.values(score.perRule)) {
    score.tp += counts.tp;
    score.fp += counts.fp;
    score.fn += counts.fn;
  }
  score.precision = ratio(score.tp, score.tp + score.fp);
  score.recall = ratio(score.tp, score.tp + score.fn);
  score.f1 = score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall);
  return score;
}

/** Rules by how many disagreements they have, the most first. */
export function rulesByDisagreement(disagreements: readonly Disagreement[]): { rule: string; reference: string; count: number }[] {
  const counts = new Map<string, { rule: string; reference: string; count: number }>();
  for (const d of disagreements) {
    const key = `${d.reference}\0${d.rule}`;
    const entry = counts.get(key) ?? counts.set(key, { rule: d.rule, reference: d.reference, count: 0 }).get(key)!;
    entry.count++;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}
