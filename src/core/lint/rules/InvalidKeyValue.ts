import type { Instruction, KeyValue } from '../../dockerfile/model';
import { rangeText } from '../../dockerfile/model';
import { openQuote } from '../../dockerfile/quotes';
import { defineInstructionRule, fix, insertAt, shipshapeDocs } from '../define';
import type { Report } from '../types';

export default defineInstructionRule(
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
  ['ENV', 'LABEL', 'ARG'],
  (instruction, ctx) => {
    const { model } = ctx;
    if (instruction.args.length === 0) return;
    const props = instruction.properties;
    // argsText has continuations and comment lines removed, so a quote in a comment does not count.
    if (openQuote(instruction.argsText, model.escapeChar)) {
      const culprit = props.find((p) => openQuote(rangeText(model, p.range), model.escapeChar)) ?? props[props.length - 1];
      const quote = openQuote(instruction.argsText, model.escapeChar)!;
      const range = culprit?.range ?? instruction.argsRange!;
      const shown = rangeText(model, range).split('\n')[0];
      ctx.report({ range, message: `Unclosed ${quote === '"' ? 'double' : 'single'} quote in \`${shown}\`: add the closing ${quote}` });
      return;
    }
    props.forEach((p, i) => checkPair(instruction, p, i, props.length, ctx.report));
  },
);

function checkPair(instruction: Instruction, p: KeyValue, index: number, count: number, report: (r: Report) => void): void {
  const keyword = instruction.keyword;
  if (p.key === '') {
    // `ARG a =b`: BuildKit reads `=b` as a name of its own, so the space before `=` is the mistake.
    const spaced = keyword === 'ARG' && index > 0;
    const message = spaced
      ? 'ARG name is empty before `=`: write NAME=default without spaces around ='
      : `${keyword} name is empty before \`=\`: write NAME=value`;
    report({ range: p.range, message });
    return;
  }
  const hasValue = p.value !== null || p.rawValue !== null;
  // An ARG name needs no default.
  if (keyword === 'ARG') return;
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
