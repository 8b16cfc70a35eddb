// The ONE place a check result becomes words: terminal lines, the step panel's Markdown, a one-line
// summary. Views, the CLI, the grade and the runner's "why it un-passed" all read from here.
import type { CheckResult, CheckStatus, Observation } from './check';

const MARK: Record<CheckStatus, string> = { passed: '✓', failed: '✗', errored: '!' };

/** "state is exited (code 137), expected running: start it with docker start web" (or "state is running"). */
export function describeObservation(o: Observation): string {
  if (o.ok) return `${o.field} is ${o.actual}`;
  // "no container named web" says it all: "container is no container named web, expected …" would not.
  if (/^(no|nothing) /.test(o.actual)) return `${o.actual}${o.hint ? `: ${o.hint}` : ''}`;
  return `${o.field} is ${o.actual}, expected ${o.expected}${o.hint ? `: ${o.hint}` : ''}`;
}

/** Why a result is not passed, in one phrase; undefined for a passed one. */
export function whyNot(result: CheckResult): string | undefined {
  if (result.status === 'errored') return `could not check: ${result.error ?? 'no reason given'}`;
  if (result.status === 'passed') return undefined;
  const failed = result.observations.filter((o) => !o.ok);
  return failed.length ? failed.map(describeObservation).join('; ') : 'the check reported no observation';
}

/** One line: "✗ container web is running — state is exited (code 137), expected running: …". */
export function resultSummary(result: CheckResult): string {
  const why = whyNot(result);
  return `${MARK[result.status]} ${result.name}${why ? ` — ${why}` : ''}`;
}

/** Terminal lines: the summary's mark and name, then each failed field on its own indented line. */
export function resultLines(result: CheckResult): string[] {
  if (result.status !== 'failed') return [resultSummary(result)];
  const failed = result.observations.filter((o) => !o.ok);
  if (failed.length <= 1) return [resultSummary(result)];
  return [`${MARK.failed} ${result.name}`, ...failed.map((o) => `    ${describeObservation(o)}`)];
}

/** Markdown special characters escaped, so a daemon's words render as text. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

/** The step panel's block: a line per check with its status, then expected/actual of every field it compared. */
export function resultMarkdown(result: CheckResult): string {
  const head = `**${MARK[result.status]} ${markdownText(result.name)}** — ${result.status}`;
  if (result.status === 'errored') return `${head}\n\n${markdownText(whyNot(result)!)}\n`;
  const rows = result.observations.map(
    (o) =>
      `| ${o.ok ? '✓' : '✗'} | ${markdownText(o.field)} | ${markdownText(o.expected)} | ${markdownText(o.actual)} | ${o.hint && !o.ok ? markdownText(o.hint) : ''} |`,
  );
  if (!rows.length) return `${head}\n`;
  return [head, '', '| | field | expected | actual | what to do |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** The phrase a status reads as in a step's line. */
export function statusWords(status: CheckStatus | 'locked' | 'ready' | 'solved'): string {
  switch (status) {
    case 'passed':
      return 'passed';
    case 'failed':
      return 'not yet';
    case 'errored':
      return 'could not check';
    case 'locked':
      return 'locked';
    case 'ready':
      return 'to do';
    case 'solved':
      return 'solved with the solution (0 points)';
  }
}
