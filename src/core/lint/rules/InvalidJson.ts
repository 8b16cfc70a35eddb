import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';
import type { Fix } from '../types';

const EXEC_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'COPY', 'ADD', 'VOLUME']);

/**
 * Whether text starting with `[` was meant as a JSON array, and with which quotes. `["` or `['` never starts a
 * shell command; with a space after `[` it may be a test (`[ "$a" = b ]`, `[ "$a" ] && x`), so it counts as JSON
 * only with a comma after the first string or nothing after the closing bracket.
 */
function jsonIntent(text: string): 'single' | 'double' | null {
  const n = text.length;
  const spaced = text[1] === ' ' || text[1] === '\t';
  let i = 1;
  let single = false;
  let comma = false;
  const verdict = (meant: boolean) => (meant ? (single ? 'single' : 'double') : null);
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return verdict(comma);
    if (quote === "'") single = true;
    if (!spaced && !comma) return verdict(true);
    i++;
    while (i < n && text[i] !== quote) i += quote === '"' && text[i] === '\\' ? 2 : 1;
    if (i >= n) return verdict(comma);
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === ',') {
      comma = true;
      i++;
      continue;
    }
    return verdict(comma || (text[i] === ']' && text.slice(i + 1).trim() === ''));
  }
}

export default defineInstructionRule(
  {
    id: 'InvalidJson',
    source: 'syntax',
    severity: 'warning',
    description: 'Exec form that is not valid JSON runs as a shell command',
    rationale:
      'The exec form of CMD, ENTRYPOINT, RUN, COPY, ADD and VOLUME is a JSON array of double-quoted strings. When the array is not valid JSON (single quotes, a missing comma or bracket) Docker silently falls back to shell form and runs the text, brackets and all, through /bin/sh -c, which fails at run time or behaves differently.',
    examples: { bad: "FROM node:20\nCMD ['node', 'server.js']\n", good: 'FROM node:20\nCMD ["node", "server.js"]\n' },
    docs: shipshapeDocs('InvalidJson'),
    fixable: true,
  },
  [...EXEC_FORM],
  (instruction, ctx) => {
    if (!instruction.looksLikeJson || instruction.json || !instruction.argsRange) return;
    const text = instruction.argsText.trim();
    const intent = jsonIntent(text);
    if (!intent) return;
    const fixes: Fix[] = [];
    if (intent === 'single') {
      const swapped = text.replace(/'/g, '"');
      if (!text.includes('"') && !text.includes('\\') && isStringArray(swapped)) {
        fixes.push(fix('Use double quotes', replace(instruction.argsRange, swapped)));
      }
      ctx.report({
        range: instruction.argsRange,
        message: `Exec form needs double quotes: with single quotes ${instruction.keyword} is not JSON, so Docker runs \`${text}\` as a shell command`,
        fixes,
      });
      return;
    }
    ctx.report({
      range: instruction.argsRange,
      message: `\`${text}\` is not a valid JSON array of strings, so Docker runs it as a shell command: check the commas, quotes and closing bracket`,
    });
  },
);

function isStringArray(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}
