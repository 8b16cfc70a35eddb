// RUN --mount values as BuildKit reads them: CSV fields of key=value, keys and the type case-insensitive.
import type { Flag, Instruction } from './types';

/** One comma-separated field of a --mount value, with its offset in the (unquoted) value. */
export interface CsvField {
  text: string;
  offset: number;
}

/** Splits a --mount value on commas the way Go's encoding/csv does (a field may be "quoted"). */
export function csvFields(value: string): CsvField[] {
  const fields: CsvField[] = [];
  let i = 0;
  while (i <= value.length) {
    const offset = i;
    let text = '';
    if (value[i] === '"') {
      i++;
      while (i < value.length) {
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += value[i++];
      }
      while (i < value.length && value[i] !== ',') text += value[i++];
    } else {
      const comma = value.indexOf(',', i);
      const end = comma === -1 ? value.length : comma;
      text = value.slice(i, end);
      i = end;
    }
    fields.push({ text, offset });
    i++;
  }
  return fields;
}

export interface Mount {
  /** Lower-cased; `bind` when not given. */
  type: string;
  /** The last of target=, dst= and destination=; undefined when none is given. */
  target: string | undefined;
  /** Every option by lower-cased key (the last one wins), values trimmed; a switch without `=` maps to ''. */
  options: Map<string, string>;
  flag: Flag;
}

const TARGET_KEYS = new Set(['target', 'dst', 'destination']);

/** A --mount flag read leniently (blanks around keys and values are ignored); InvalidFlagValue reports what BuildKit rejects. */
export function parseMount(flag: Flag): Mount {
  const options = new Map<string, string>();
  let target: string | undefined;
  for (const field of csvFields(flag.unquoted ?? '')) {
    const eq = field.text.indexOf('=');
    const key = (eq < 0 ? field.text : field.text.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : field.text.slice(eq + 1).trim();
    options.set(key, value);
    if (TARGET_KEYS.has(key)) target = value;
  }
  return { type: (options.get('type') || 'bind').toLowerCase(), target, options, flag };
}

/** The --mount flags of an instruction (RUN), parsed. */
export function mountsOf(instruction: Instruction): Mount[] {
  const out: Mount[] = [];
  for (const flag of instruction.flags) if (flag.name.toLowerCase() === 'mount' && flag.value) out.push(parseMount(flag));
  return out;
}

/** A mount of one of `types` (e.g. cache, tmpfs) whose target passes `over`: what it holds stays out of the layer. */
export function hasMountOver(instruction: Instruction, types: readonly string[], over: (target: string) => boolean): boolean {
  return mountsOf(instruction).some((m) => types.includes(m.type) && m.target !== undefined && over(m.target));
}
