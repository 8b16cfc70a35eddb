import type { DockerfileModel, Instruction, Position, Range } from '../../dockerfile/model';
import { defineInstructionRule, shipshapeDocs } from '../define';

// The instructions whose arguments BuildKit expands with ${...} (RUN, CMD and ENTRYPOINT leave it to the shell).
const EXPANDED = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const NAME_CHAR = /\w/;
const SUPPORTED = 'use ${VAR:-default}, ${VAR:+alternative}, ${VAR:?message} or the #, % and / pattern forms';

interface Segment {
  flat: number;
  line: number;
  character: number;
}

/** The instruction's expandable text as one string (continuations, comment lines and heredoc bodies dropped), with a way back to positions. */
function flatten(model: DockerfileModel, instruction: Instruction): { text: string; segments: Segment[] } | null {
  const first = instruction.flags[0]?.range.start ?? instruction.argsRange?.start;
  if (!first) return null;
  let end = instruction.range.end;
  if (instruction.heredocs.length > 0) {
    // Heredoc bodies are files, not arguments: stop at the line that opens the last heredoc.
    const line = Math.max(...instruction.heredocs.map((h) => h.nameRange.end.line));
    end = { line, character: (model.lines[line] ?? '').length };
  }
  const escape = model.escapeChar;
  let text = '';
  const segments: Segment[] = [];
  for (let line = first.line; line <= end.line; line++) {
    const full = model.lines[line] ?? '';
    if (line > first.line && /^\s*(#|$)/.test(full)) continue;
    const from = line === first.line ? first.character : 0;
    let to = line === end.line ? end.character : full.length;
    if (line < end.line) {
      const trimmed = full.slice(0, to).trimEnd();
      if (trimmed.endsWith(escape)) to = trimmed.length - 1;
    }
    segments.push({ flat: text.length, line, character: from });
    text += full.slice(from, to);
  }
  return { text, segments };
}

function positionAt(segments: readonly Segment[], offset: number): Position {
  let s = segments[0]!;
  for (const seg of segments) {
    if (seg.flat > offset) break;
    s = seg;
  }
  return { line: s.line, character: s.character + offset - s.flat };
}

/** Index of the `}` closing a substitution word that starts at `from`, or -1. */
function closingBrace(text: string, from: number, escape: string): number {
  let depth = 0;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === escape) k++;
    else if (c === '$' && text[k + 1] === '{') {
      depth++;
      k++;
    } else if (c === '}') {
      if (depth === 0) return k;
      depth--;
    }
  }
  return -1;
}

interface Problem {
  end: number;
  message: string;
}

/** Checks the `${` at `start` the way BuildKit's lexer does. */
function substitution(text: string, start: number, escape: string): Problem | null {
  const n = text.length;
  let j = start + 2;
  const missing = (): Problem => {
    // Point at the word that holds the `${`: BuildKit reads it up to the next blank.
    const blank = text.slice(start).search(/\s/);
    const end = blank === -1 ? n : start + blank;
    return { end, message: `\`${text.slice(start, end)}\` is missing its closing }` };
  };
  if (j >= n) return missing();
  if (text[j] === '{' || text[j] === '}' || text[j] === ':') {
    const close = text.indexOf('}', j);
    const end = close === -1 ? n : close + 1;
    return { end, message: `Bad substitution \`${text.slice(start, end)}\`: write \${NAME}` };
  }
  while (j < n && NAME_CHAR.test(text[j]!)) j++;
  if (j >= n) return missing();
  const c = text[j]!;
  if (c === '}') return null;
  let wordStart = j + 1;
  if (c === ':') {
    const next = text[j + 1];
    if (next === undefined) return missing();
    wordStart = j + 2;
    if (next !== '-' && next !== '+' && next !== '?') {
      const close = closingBrace(text, j + 1, escape);
      const end = close === -1 ? n : close + 1;
      return { end, message: `Unsupported modifier \`${next === '}' ? ':' : `:${next}`}\` in \`${text.slice(start, end)}\`: ${SUPPORTED}` };
    }
  } else if (c === ' ' || c === '\t' || c === '"' || c === "'") {
    // BuildKit expands word by word, so the word ends before any } does.
    return missing();
  } else if (c !== '-' && c !== '+' && c !== '?' && c !== '#' && c !== '%' && c !== '/') {
    const close = closingBrace(text, j, escape);
    const end = close === -1 ? n : close + 1;
    return { end, message: `Unsupported modifier \`${c}\` in \`${text.slice(start, end)}\`: ${SUPPORTED}` };
  }
  const close = closingBrace(text, wordStart, escape);
  return close === -1 ? missing() : null;
}

export default defineInstructionRule(
  {
    id: 'InvalidSubstitution',
    source: 'syntax',
    severity: 'error',
    description: 'Variable substitution that BuildKit cannot expand',
    rationale:
      'In ENV, LABEL, COPY, WORKDIR and the other instructions Docker expands itself, `${...}` supports only a few forms: ${VAR}, ${VAR:-default}, ${VAR:+alternative}, ${VAR:?message} and the #, % and / pattern forms. Shell-only forms such as ${VAR:=default} or ${VAR:0:3}, an empty ${}, or a missing } stop the build.',
    examples: { bad: 'FROM alpine:3.20\nENV HOME_DIR=${HOME:=/root}\n', good: 'FROM alpine:3.20\nENV HOME_DIR=${HOME:-/root}\n' },
    docs: shipshapeDocs('InvalidSubstitution'),
    fixable: false,
  },
  [...EXPANDED],
  (instruction, ctx) => {
    if (!instruction.rawArgsText.includes('${') && !instruction.flags.some((f) => f.value?.includes('${'))) return;
    const { model } = ctx;
    const escape = model.escapeChar;
    const scan = (text: string, segments: readonly Segment[], quotes: boolean) => {
      let quote: string | null = null;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote === "'") {
          if (c === "'") quote = null;
        } else if (c === escape) {
          i++;
        } else if (quotes && c === '"') {
          quote = quote ? null : '"';
        } else if (quotes && c === "'" && quote === null) {
          quote = "'";
        } else if (c === '$' && text[i + 1] === '{') {
          const problem = substitution(text, i, escape);
          if (!problem) continue;
          const range: Range = { start: positionAt(segments, i), end: positionAt(segments, Math.max(i + 1, problem.end)) };
          ctx.report({ range, message: problem.message });
          i = problem.end - 1;
        }
      }
    };
    const flat = flatten(model, instruction);
    if (flat) scan(flat.text, flat.segments, true);
    // COPY/ADD expand heredoc bodies whose delimiter is unquoted; quotes in the body are plain text there.
    for (const heredoc of instruction.heredocs) {
      const body = heredoc.contentRange;
      const before = (model.lines[heredoc.nameRange.start.line] ?? '')[heredoc.nameRange.start.character - 1];
      if (!body || before === '"' || before === "'") continue;
      let text = '';
      const segments: Segment[] = [];
      for (let line = body.start.line; line <= body.end.line; line++) {
        segments.push({ flat: text.length, line, character: 0 });
        text += (line === body.end.line ? (model.lines[line] ?? '').slice(0, body.end.character) : model.lines[line] ?? '') + '\n';
      }
      scan(text, segments, false);
    }
  },
);
