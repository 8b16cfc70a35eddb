// The flags BuildKit's Dockerfile frontend accepts per instruction, and how it reads them.
import type { Flag, Instruction } from './types';

/** How BuildKit parses a flag: a string needs `=value`, a bool may stand alone, a repeatable one may be given many times. */
export type FlagKind = 'string' | 'bool' | 'repeatable';

/**
 * The flags BuildKit's Dockerfile frontend accepts, per instruction. Used by the flag rules
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

/** The known flags of an instruction, or undefined when BuildKit does not parse its flags (HEALTHCHECK NONE, STOPSIGNAL, unknown instructions). */
export function flagSpecOf(instruction: Instruction): ReadonlyMap<string, FlagKind> | undefined {
  if (instruction.keyword === 'HEALTHCHECK' && instruction.args[0]?.value.toUpperCase() === 'NONE') return undefined;
  return FLAG_SPECS.get(instruction.keyword);
}

/** The first flag of that name (flag names are case-insensitive), e.g. `from` of COPY. */
export function flagNamed(instruction: Instruction, name: string): Flag | undefined {
  return instruction.flags.find((f) => f.name.toLowerCase() === name);
}

/** A bare `--` ends BuildKit's flag list and is dropped; it is not a flag. */
export function isEndOfFlags(flag: Flag): boolean {
  return flag.name === '' && flag.value === null;
}

export interface KnownFlag {
  flag: Flag;
  kind: FlagKind;
}

/** The instruction's flags BuildKit knows, with how it parses them; none when BuildKit does not parse its flags. */
export function knownFlags(instruction: Instruction): KnownFlag[] {
  if (instruction.flags.length === 0) return [];
  const spec = flagSpecOf(instruction);
  if (!spec) return [];
  const out: KnownFlag[] = [];
  for (const flag of instruction.flags) {
    const kind = spec.get(flag.name);
    if (kind !== undefined) out.push({ flag, kind });
  }
  return out;
}
