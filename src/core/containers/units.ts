// One scaling rule for byte counts; each view picks its own precision (docker images, docker stats, internals).
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Scales bytes to the largest unit below `base` (1000: kB, MB…; 1024: KiB, MiB…). */
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
