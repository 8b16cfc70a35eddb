import type { Instruction, KeyValue, Range } from '../../dockerfile/model';
import { defineRule, fix, insertAt, shipshapeDocs } from '../define';
import type { Report } from '../types';

const WORD = /(?:[^\s"']+|"(?:[^"\\]|\\.)*"?|'[^']*'?)+/g;

/** The quote character left open in `text`, read the way BuildKit's word lexer reads it. */
function openQuote(text: string, escape: string): string | null {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === escape) {
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    }
  }
  return quote;
}

function textOf(lines: readonly string[], r: Range): string {
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  let s = (lines[r.start.line] ?? '').slice(r.start.character);
  for (let l = r.start.line + 1; l < r.end.line; l++) s += '\n' + (lines[l] ?? '');
  return s + '\n' + (lines[r.end.line] ?? '').slice(0, r.end.character);
}

export default defineRule(
  {
    id: 'InvalidKeyValue',
    source: 'syntax',
    severity: 'error',
    description: 'ENV, LABEL or ARG pair that cannot be parsed',
    rationale:
      'ENV and LABEL take `name=value` pairs (or the legacy `ENV name value`), and ARG takes names with optional `=default`. A missing value, a missing `=` among several pairs, an empty name or an unclosed quote stops the build with a syntax error.',
    examples: { bad: 'FROM alpine:3.20\nENV APP_HOME\n', good: 'FROM alpine:3.20\nENV APP_HOME=/app\n' },
    docs: shipshapeDocs('InvalidKeyValue'),
    fixable: true,
  },
  (ctx) => {
    const { model } = ctx;
    const check = (instruction: Instruction) => {
      const keyword = instruction.keyword;
      if ((keyword !== 'ENV' && keyword !== 'LABEL' && keyword !== 'ARG') || instruction.args.length === 0) return;
      const props = instruction.properties;
      // argsText has continuations and comment lines removed, so a quote in a comment does not count.
      if (openQuote(instruction.argsText, model.escapeChar)) {
        const culprit = props.find((p) => openQuote(textOf(model.lines, p.range), model.escapeChar)) ?? props[props.length - 1];
        const quote = openQuote(instruction.argsText, model.escapeChar)!;
        const range = culprit?.range ?? instruction.argsRange!;
        const shown = textOf(model.lines, range).split('\n')[0];
        ctx.report({ range, message: `Unclosed ${quote === '"' ? 'double' : 'single'} quote in \`${shown}\`: add the closing ${quote}` });
        return;
      }
      props.forEach((p) => checkPair(instruction, p, props.length, ctx.report));
    };
    for (const instruction of model.instructions) {
      check(instruction);
      if (instruction.trigger) check(instruction.trigger);
    }
  },
);

function checkPair(instruction: Instruction, p: KeyValue, count: number, report: (r: Report) => void): void {
  const keyword = instruction.keyword;
  if (p.key === '') {
    report({ range: p.range, message: `${keyword} name is empty before \`=\`: write NAME=value` });
    return;
  }
  const hasValue = p.value !== null || p.rawValue !== null;
  if (keyword === 'ARG') {
    // dockerfile-ast reads `ARG a =b` like a legacy ENV; BuildKit reads each word as its own ARG.
    if (!p.hasEquals && p.value && p.valueRange && (p.value.match(WORD) ?? []).some((w) => w.startsWith('='))) {
      report({ range: p.valueRange, message: 'ARG name is empty before `=`: write NAME=default without spaces around =' });
    }
    return;
  }
  if (hasValue || p.hasEquals) return;
  if (count === 1) {
    report({
      range: p.keyRange,
      message: `${keyword} \`${p.key}\` has no value: write ${p.key}=<value>`,
      fixes: [fix(`Set ${p.key} to an empty value`, insertAt(p.keyRange.end.line, p.keyRange.end.character, '='))],
    });
  } else {
    report({ range: p.keyRange, message: `\`${p.key}\` has no \`=\`: with several pairs ${keyword} takes NAME=value for each` });
  }
}
