import type { Instruction, KeyValue, Range } from '../../dockerfile/model';
import { rangeText } from '../../dockerfile/model';
import { defineRule, hadolintDocs } from '../define';

const NAME_CHAR = /[A-Za-z0-9_]/;
const BRACED = /^\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}?/;

interface Reference {
  name: string;
  /** Offset in the value as written. */
  offset: number;
  length: number;
}

/** `$NAME` and `${NAME…}` references Docker expands in a value as written: not escaped, not inside single quotes. */
function references(raw: string, escape: string): Reference[] {
  const out: Reference[] = [];
  let single = false;
  let double = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === escape && !single) {
      i++;
      continue;
    }
    if (ch === "'" && !double) single = !single;
    else if (ch === '"' && !single) double = !double;
    if (ch !== '$' || single) continue;
    if (raw[i + 1] === '{') {
      const match = BRACED.exec(raw.slice(i));
      if (match) out.push({ name: match[1]!, offset: i, length: match[0].length });
    } else {
      let end = i + 1;
      while (end < raw.length && NAME_CHAR.test(raw[end]!)) end++;
      if (end > i + 1) out.push({ name: raw.slice(i + 1, end), offset: i, length: end - i });
    }
  }
  return out;
}

/** The range of `length` characters at `offset` of a value as written, or the whole value when it spans lines. */
function rangeIn(value: Range, raw: string, offset: number, length: number): Range {
  if (value.start.line !== value.end.line || raw.includes('\n')) return value;
  const start = value.start.character + offset;
  return { start: { line: value.start.line, character: start }, end: { line: value.start.line, character: start + length } };
}

export default defineRule(
  {
    id: 'DL3044',
    source: 'hadolint',
    severity: 'error',
    description: 'Do not refer to an environment variable within the same `ENV` statement where it is defined',
    rationale:
      'Docker expands every value of one ENV instruction before setting any of them, so in `ENV A=1 B=$A` the `$A` is the old value of A (often empty), not 1. Define the variable in an earlier ENV to use its new value.',
    examples: {
      bad: 'FROM busybox:1.36\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n',
      good: 'FROM busybox:1.36\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n',
    },
    docs: hadolintDocs('DL3044'),
    fixable: false,
    stages: { mode: 'inherits', note: 'names an ARG or ENV defined in the stage it is built on count as defined before' },
  },
  (ctx) => {
    const model = ctx.model;
    // Names defined by ARG or ENV so far, per stage index; a stage built FROM another starts with its names.
    const stageNames: Set<string>[] = [];
    const defined = (instruction: Instruction, names: Set<string>) => {
      for (const p of instruction.properties) names.add(p.key);
    };
    const global = new Set<string>();
    for (const arg of model.globalArgs) defined(arg, global);
    for (const stage of model.stages) {
      const parent = stage.parent && stageNames[stage.parent.index];
      // hadolint keeps one set for the whole file; ARGs before FROM count as defined, as there.
      const names = new Set<string>([...global, ...(parent ?? [])]);
      for (const instruction of stage.instructions) {
        const target = instruction.trigger ?? instruction;
        if (target.keyword === 'ENV') check(target, names);
        // Names an ONBUILD trigger defines exist only in the child image.
        if (!instruction.trigger && (target.keyword === 'ENV' || target.keyword === 'ARG')) defined(target, names);
      }
      stageNames[stage.index] = names;
    }

    function check(instruction: Instruction, before: Set<string>) {
      const pairs: KeyValue[] = instruction.properties;
      if (pairs.length < 2) return;
      pairs.forEach((pair, index) => {
        if (!pair.valueRange) return;
        const raw = rangeText(model, pair.valueRange);
        const reported = new Set<string>();
        for (const ref of references(raw, model.escapeChar)) {
          // A variable may use its own old value (`PATH=/x:$PATH`), and one defined before this ENV is fine.
          if (before.has(ref.name) || reported.has(ref.name)) continue;
          // Defined by an earlier pair: the new value was meant. By a later one: flagged as hadolint does, unless it is this pair's own name.
          const earlier = pairs.some((other, j) => j < index && other.key === ref.name);
          const later = pair.key !== ref.name && pairs.some((other, j) => j > index && other.key === ref.name);
          if (!earlier && !later) continue;
          reported.add(ref.name);
          const written = raw.slice(ref.offset, ref.offset + ref.length);
          ctx.report({
            range: rangeIn(pair.valueRange, raw, ref.offset, ref.length),
            message: `Do not refer to \`${ref.name}\` in the same ENV that defines it: \`${written}\` expands to its previous value here; set ${ref.name} in an earlier ENV`,
          });
        }
      });
    }
  },
);
