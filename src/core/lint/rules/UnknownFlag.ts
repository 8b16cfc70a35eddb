import type { Flag, Instruction, Range } from '../../dockerfile/model';
import { defineRule, fix, replace, shipshapeDocs } from '../define';

/** How BuildKit parses a flag: a string needs `=value`, a bool may stand alone, a repeatable one may be given many times. */
export type FlagKind = 'string' | 'bool' | 'repeatable';

/**
 * The flags BuildKit's Dockerfile frontend accepts, per instruction. Shared by the flag rules
 * (UnknownFlag, DuplicateFlag, FlagMissingValue, InvalidFlagValue, InvalidDuration).
 */
export const FLAG_SPECS: ReadonlyMap<string, ReadonlyMap<string, FlagKind>> = new Map<string, ReadonlyMap<string, FlagKind>>([
  ['FROM', new Map<string, FlagKind>([['platform', 'string']])],
  [
    'COPY',
    new Map<string, FlagKind>([
      ['from', 'string'],
      ['chown', 'string'],
      ['chmod', 'string'],
      ['link', 'bool'],
      ['parents', 'bool'],
      ['exclude', 'repeatable'],
    ]),
  ],
  [
    'ADD',
    new Map<string, FlagKind>([
      ['chown', 'string'],
      ['chmod', 'string'],
      ['link', 'bool'],
      ['keep-git-dir', 'bool'],
      ['checksum', 'string'],
      ['exclude', 'repeatable'],
      ['unpack', 'bool'],
    ]),
  ],
  [
    'RUN',
    new Map<string, FlagKind>([
      ['mount', 'repeatable'],
      ['network', 'string'],
      ['security', 'string'],
      ['device', 'repeatable'],
    ]),
  ],
  [
    'HEALTHCHECK',
    new Map<string, FlagKind>([
      ['interval', 'string'],
      ['timeout', 'string'],
      ['start-period', 'string'],
      ['start-interval', 'string'],
      ['retries', 'string'],
    ]),
  ],
]);

/** Instructions whose flags BuildKit parses against an empty set, so any `--x` before the arguments fails the build. */
const NO_FLAGS = new Set(['ENV', 'LABEL', 'ARG', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'VOLUME', 'WORKDIR', 'SHELL', 'ONBUILD', 'MAINTAINER']);

/** The known flags of an instruction, or undefined when BuildKit does not parse its flags (HEALTHCHECK NONE, STOPSIGNAL, unknown instructions). */
export function flagSpecOf(instruction: Instruction): ReadonlyMap<string, FlagKind> | undefined {
  if (instruction.keyword === 'HEALTHCHECK' && instruction.args[0]?.value.toUpperCase() === 'NONE') return undefined;
  return FLAG_SPECS.get(instruction.keyword);
}

/** A flag's value as BuildKit reads it: quotes dropped, backslash escapes inside double quotes resolved. */
export function flagValue(flag: Flag): string | null {
  const raw = flag.value;
  if (raw === null || (!raw.includes('"') && !raw.includes("'"))) return raw;
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === '' && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = '';
    else if (quote === '"' && c === '\\' && i + 1 < raw.length) out += raw[++i];
    else out += c;
  }
  return out;
}

/** A bare `--` ends BuildKit's flag list and is dropped; it is not a flag. */
export function isEndOfFlags(flag: Flag): boolean {
  return flag.name === '' && flag.value === null;
}

/** Edit distance counting a swap of neighbours as one edit (FORM → FROM, chwon → chown). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name closest to a misspelt one, when it is close enough to be a typo (one edit in short words, two in longer). */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = (lower.length <= 4 ? 1 : 2) + 1;
  for (const candidate of known) {
    const d = distance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function flagText(flag: Flag): string {
  return flag.value === null ? `--${flag.name}` : `--${flag.name}=${flag.value}`;
}

export default defineRule(
  {
    id: 'UnknownFlag',
    source: 'syntax',
    severity: 'error',
    description: 'Flag not known for this instruction',
    rationale:
      'BuildKit checks every `--flag` before an instruction\'s arguments against the flags that instruction accepts and stops the build at the first unknown one. A misspelt flag such as `--chwon` is therefore not ignored: the build fails, and instructions like CMD or WORKDIR accept no flags at all.',
    examples: { bad: 'FROM alpine:3.20\nCOPY --chwon=app:app . /app\n', good: 'FROM alpine:3.20\nCOPY --chown=app:app . /app\n' },
    docs: shipshapeDocs('UnknownFlag'),
    fixable: true,
  },
  (ctx) => {
    const check = (instruction: Instruction) => {
      const keyword = instruction.keyword;
      if (NO_FLAGS.has(keyword)) {
        if (instruction.flags.length === 0 && !instruction.args[0]?.value.startsWith('--')) return;
        // dockerfile-ast leaves these flags among the arguments; BuildKit still reads leading `--x` words as flags.
        const flags: { text: string; range: Range }[] = instruction.flags.map((f) => ({ text: flagText(f), range: f.range }));
        for (const word of instruction.args) {
          if (!word.value.startsWith('--') || word.value === '--') break;
          flags.push({ text: word.value, range: word.range });
        }
        for (const f of flags) {
          const hint = keyword === 'CMD' || keyword === 'ENTRYPOINT' ? `; to pass it to the program use exec form, e.g. ${keyword} ["${f.text}"]` : '';
          ctx.report({ range: f.range, message: `${keyword} takes no flags: \`${f.text}\` fails the build${hint}` });
        }
        return;
      }
      if (instruction.flags.length === 0) return;
      const spec = flagSpecOf(instruction);
      if (!spec) return;
      for (const flag of instruction.flags) {
        if (isEndOfFlags(flag) || spec.has(flag.name)) continue;
        const known = [...spec.keys()];
        const range = { start: flag.range.start, end: flag.name === '' ? flag.range.end : flag.nameRange.end };
        if (flag.name === '') {
          ctx.report({ range, message: `Flag without a name \`${flagText(flag)}\`: ${keyword} accepts ${known.map((k) => `--${k}`).join(', ')}` });
          continue;
        }
        const suggestion = closest(flag.name, known);
        if (suggestion) {
          ctx.report({
            range,
            message: `Unknown flag \`--${flag.name}\` for ${keyword}: did you mean \`--${suggestion}\`?`,
            fixes: [fix(`Change to --${suggestion}`, replace(flag.nameRange, suggestion))],
          });
        } else {
          ctx.report({ range, message: `Unknown flag \`--${flag.name}\` for ${keyword}: it accepts ${known.map((k) => `--${k}`).join(', ')}` });
        }
      }
    };
    for (const instruction of ctx.model.instructions) {
      check(instruction);
      if (instruction.trigger) check(instruction.trigger);
    }
  },
);
