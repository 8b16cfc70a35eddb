// The one byte formatter: scaling to a unit and rounding, with each view's conventions named below.
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export interface ByteFormat {
  /** 1000: kB, MB…; 1024: KiB, MiB… */
  base: 1000 | 1024;
  /** How a scaled value is rounded (a count under one unit is printed as it is). */
  precision:
    | { significant: number } // 1.367MiB: so many significant digits, trailing zeros dropped
    | { decimals: number; wholeFrom: number } // 1.2 MB, 34 MB: fixed decimals below `wholeFrom`, none above
    | { maxDecimals: number }; // 64 MiB, 1.5 KiB: at most so many decimals, none when whole
  /** Between the number and the unit. */
  separator: '' | ' ';
}

/** `docker images`: "1.2 MB", "340 kB". */
export const IMAGE_SIZE: ByteFormat = { base: 1000, precision: { decimals: 1, wholeFrom: 10 }, separator: ' ' };
/** `docker history` layer sizes, with a space: "38.2 MB", "5.24 MB", "780 B". */
export const LAYER_SIZE: ByteFormat = { base: 1000, precision: { significant: 3 }, separator: ' ' };
/** `docker stats` memory: "1.367MiB". */
export const STATS_MEMORY: ByteFormat = { base: 1024, precision: { significant: 4 }, separator: '' };
/** `docker stats` network and block I/O: "1.23MB". */
export const STATS_IO: ByteFormat = { base: 1000, precision: { significant: 3 }, separator: '' };
/** Cgroup limits and usage in the internals: "64 MiB", "1.5 KiB". */
export const CGROUP_BYTES: ByteFormat = { base: 1024, precision: { maxDecimals: 1 }, separator: ' ' };

/** Scales bytes to the largest unit below `base`. */
export function scaleBytes(bytes: number, base: 1000 | 1024): { value: number; unit: string; scaled: boolean } {
  const units = base === 1000 ? DECIMAL : BINARY;
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  return { value, unit: units[unit]!, scaled: unit > 0 };
}

export function formatBytes(bytes: number, format: ByteFormat): string {
  const { value, unit, scaled } = scaleBytes(bytes, format.base);
  return `${scaled ? round(value, format.precision) : value}${format.separator}${unit}`;
}

function round(value: number, precision: ByteFormat['precision']): string {
  if ('significant' in precision) return String(Number(value.toPrecision(precision.significant)));
  if ('wholeFrom' in precision) return value.toFixed(value < precision.wholeFrom ? precision.decimals : 0);
  const factor = 10 ** precision.maxDecimals;
  return String(Math.round(value * factor) / factor);
}
