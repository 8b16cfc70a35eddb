// dive's CI rules with their meaning: fail when the efficiency is below the lowest allowed, the wasted
// bytes above the highest, or the user wasted percent (a fraction) above the highest. Each can be
// "disabled"; the defaults are dive's when no .dive-ci is given.
import { LAYER_SIZE, formatBytes } from '../containers/bytes';
import type { ImageAnalysis } from './types';

export interface CiThresholds {
  lowestEfficiency: number | null;
  highestWastedBytes: number | null;
  highestUserWastedPercent: number | null;
}

/** dive's defaults: efficiency ≥ 0.9, wasted bytes not checked, user wasted ≤ 0.1. */
export const DIVE_DEFAULTS: CiThresholds = { lowestEfficiency: 0.9, highestWastedBytes: null, highestUserWastedPercent: 0.1 };

export interface CiResult {
  rule: keyof CiThresholds;
  status: 'PASS' | 'FAIL' | 'SKIP';
  detail: string;
}

/** A threshold the user wrote that means nothing: the message says what was expected. */
export class ThresholdError extends Error {}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12, ki: 1024, kib: 1024, mi: 1024 ** 2, mib: 1024 ** 2, gi: 1024 ** 3, gib: 1024 ** 3, ti: 1024 ** 4, tib: 1024 ** 4 };

/** `20MB` (10⁶), `20MiB` (2²⁰), `20000`, as dive (go-humanize) reads them; `disabled` turns the rule off. */
export function parseByteThreshold(option: string, text: string): number | null {
  if (text.trim().toLowerCase() === 'disabled') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new ThresholdError(`${option} takes a size such as 20MB, 512kB, 1GiB or 20000 bytes, or "disabled" (got "${text}")`);
  return Math.round(Number(m[1]) * unit);
}

/** A fraction such as 0.9 (dive's meaning: 0.9 is 90 %); `disabled` turns the rule off. */
export function parseFractionThreshold(option: string, text: string, max: number | null): number | null {
  if (text.trim().toLowerCase() === 'disabled') return null;
  const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value) || (max !== null && value > max)) {
    throw new ThresholdError(`${option} takes a fraction${max !== null ? ` between 0 and ${max}` : ' of 0 or more'} such as 0.1 (10 %), or "disabled" (got "${text}")`);
  }
  return value;
}

type Measured = Pick<ImageAnalysis, 'efficiency' | 'wastedBytes' | 'userWastedPercent'>;

/** Each rule: whether the value crosses the threshold, and how its value reads. */
const RULES: { rule: keyof CiThresholds; crossed: (a: Measured, t: number) => boolean; shown: (a: Measured) => string; fail: string; compare: [string, string] }[] = [
  { rule: 'lowestEfficiency', crossed: (a, t) => a.efficiency < t, shown: (a) => `efficiency=${a.efficiency.toFixed(4)}`, fail: 'image efficiency is too low', compare: ['<', '≥'] },
  { rule: 'highestWastedBytes', crossed: (a, t) => a.wastedBytes > t, shown: (a) => `wasted-bytes=${a.wastedBytes} (${formatBytes(a.wastedBytes, LAYER_SIZE)})`, fail: 'too many bytes wasted', compare: ['>', '≤'] },
  { rule: 'highestUserWastedPercent', crossed: (a, t) => a.userWastedPercent > t, shown: (a) => `%-user-wasted-bytes=${a.userWastedPercent.toFixed(4)}`, fail: 'too many bytes wasted, relative to the user bytes added', compare: ['>', '≤'] },
];

export function evaluateCi(analysis: Measured, thresholds: CiThresholds): CiResult[] {
  return RULES.map(({ rule, crossed, shown, fail, compare }) => {
    const threshold = thresholds[rule];
    if (threshold === null) return { rule, status: 'SKIP', detail: 'rule disabled' };
    return crossed(analysis, threshold)
      ? { rule, status: 'FAIL', detail: `${fail} (${shown(analysis)} ${compare[0]} threshold=${threshold})` }
      : { rule, status: 'PASS', detail: `${shown(analysis)} ${compare[1]} threshold=${threshold}` };
  });
}

export function ciText(results: readonly CiResult[]): string {
  const count = (s: CiResult['status']) => results.filter((r) => r.status === s).length;
  const failed = count('FAIL');
  return [
    'Results:',
    ...results.map((r) => `  ${r.status}: ${r.rule}: ${r.detail}`),
    `Result: ${failed > 0 ? 'FAIL' : 'PASS'} [Total:${results.length}] [Passed:${count('PASS')}] [Failed:${failed}] [Skipped:${count('SKIP')}]`,
    '',
  ].join('\n');
}
