import { knownFlags } from '../../dockerfile/flags';
import { defineInstructionRule, fix, insertAt, replace, shipshapeDocs } from '../define';

const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);
// Go's time.ParseDuration units, in nanoseconds.
const UNITS = new Map<string, number>([
  ['ns', 1],
  ['us', 1e3],
  ['µs', 1e3],
  ['μs', 1e3],
  ['ms', 1e6],
  ['s', 1e9],
  ['m', 60e9],
  ['h', 3600e9],
]);
// Units people write that Go does not know, and what they mean.
const UNIT_ALIASES = new Map<string, string>([
  ['sec', 's'],
  ['secs', 's'],
  ['second', 's'],
  ['seconds', 's'],
  ['min', 'm'],
  ['mins', 'm'],
  ['minute', 'm'],
  ['minutes', 'm'],
  ['hr', 'h'],
  ['hrs', 'h'],
  ['hour', 'h'],
  ['hours', 'h'],
  ['S', 's'],
  ['M', 'm'],
  ['H', 'h'],
  ['MS', 'ms'],
]);
const TERM = /(\d*\.?\d*)([^\d.]*)/y;
const NUMBER_ONLY = /^[+-]?(\d+\.?\d*|\.\d+)$/;

type Parsed = { ok: true; nanos: number } | { ok: false; problem: 'syntax' | 'no-unit' | 'unit'; unit?: string; start?: number };

/** time.ParseDuration: [-+]? (number unit)+, or a bare 0. */
function parseDuration(text: string): Parsed {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanos: 0 };
  if (s === '') return { ok: false, problem: 'syntax' };
  if (NUMBER_ONLY.test(text)) return { ok: false, problem: 'no-unit' };
  let total = 0;
  let pos = 0;
  const offset = text.length - s.length;
  while (pos < s.length) {
    TERM.lastIndex = pos;
    const m = TERM.exec(s)!;
    const [whole, number, unit] = m as unknown as [string, string, string];
    if (number === '' || number === '.') return { ok: false, problem: 'syntax' };
    if (unit === '') return { ok: false, problem: 'no-unit' };
    const scale = UNITS.get(unit);
    if (scale === undefined) return { ok: false, problem: 'unit', unit, start: offset + pos + number.length };
    total += Number(number) * scale;
    pos += whole.length;
  }
  return { ok: true, nanos: sign * total };
}

export default defineInstructionRule(
  {
    id: 'InvalidDuration',
    source: 'syntax',
    severity: 'error',
    description: 'HEALTHCHECK duration that is not a valid Go duration',
    rationale:
      'HEALTHCHECK --interval, --timeout, --start-period and --start-interval are read with Go\'s duration syntax: a number with a unit (ns, us, ms, s, m, h), such as 30s or 1m30s. A bare number, an unknown unit like `sec`, or a value below 1ms (other than 0, which means the default) stops the build.',
    examples: {
      bad: 'FROM nginx:1.27\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/\n',
      good: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/\n',
    },
    docs: shipshapeDocs('InvalidDuration'),
    fixable: true,
  },
  'HEALTHCHECK',
  (instruction, ctx) => {
    for (const { flag } of knownFlags(instruction)) {
      const value = flag.unquoted;
      if (!DURATION_FLAGS.has(flag.name) || !value || !flag.valueRange) continue;
      const range = flag.valueRange;
      const parsed = parseDuration(value);
      if (parsed.ok) {
        // 0 means "use the default"; anything else must be at least 1ms.
        if (parsed.nanos !== 0 && parsed.nanos < 1e6) {
          ctx.report({ range, message: `\`--${flag.name}=${value}\` is below the 1ms minimum${parsed.nanos < 0 ? ' (durations cannot be negative)' : ''}` });
        }
        continue;
      }
      if (parsed.problem === 'no-unit') {
        ctx.report({
          range,
          message: `\`--${flag.name}=${value}\` has no unit: write ${value}s for seconds (units: ns, us, ms, s, m, h)`,
          fixes: value.startsWith('-') ? [] : [fix(`Change to ${value}s`, insertAt(range.end.line, range.end.character, 's'))],
        });
      } else if (parsed.problem === 'unit') {
        const alias = UNIT_ALIASES.get(parsed.unit!);
        const fixes = [];
        if (alias && range.start.line === range.end.line && value === flag.value) {
          const start = range.start.character + parsed.start!;
          const unitRange = { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + parsed.unit!.length } };
          fixes.push(fix(`Change the unit to ${alias}`, replace(unitRange, alias)));
        }
        const message = `Unknown unit \`${parsed.unit}\` in \`--${flag.name}=${value}\`: use ns, us, ms, s, m or h${alias ? ` (${alias})` : ''}`;
        ctx.report({ range, message, fixes });
      } else {
        ctx.report({ range, message: `\`--${flag.name}=${value}\` is not a duration: write a number with a unit, e.g. 30s or 1m30s` });
      }
    }
  },
);
