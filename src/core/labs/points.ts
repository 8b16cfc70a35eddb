// How a step's points are shared among its checks: the one rule the runner, the views and the grade use.
import type { Step } from './pack';

/**
 * Points each check of a step is worth. A check's own `points` stand; what is left of the step's points
 * is split evenly over the checks without any (whole points when it divides into them: 10 over 3 is
 * 4, 3, 3, so the step adds up to exactly its points).
 */
export function checkPoints(step: Pick<Step, 'points' | 'checks'>): number[] {
  const explicit = step.checks.reduce((n, c) => n + (c.points ?? 0), 0);
  const open = step.checks.filter((c) => c.points === undefined).length;
  const left = Math.max(0, step.points - explicit);
  const whole = Number.isInteger(left);
  let extra = whole && open ? left % open : 0;
  const share = open ? (whole ? Math.floor(left / open) : left / open) : 0;
  return step.checks.map((c) => {
    if (c.points !== undefined) return c.points;
    if (extra > 0) {
      extra--;
      return share + 1;
    }
    return share;
  });
}

/** What a step is worth in all: its checks' points, or its own points when it has no checks. */
export function stepAvailable(step: Pick<Step, 'points' | 'checks'>): number {
  return step.checks.length ? checkPoints(step).reduce((a, b) => a + b, 0) : step.points;
}

export interface Points {
  earned: number;
  available: number;
}

export const addPoints = (a: Points, b: Points): Points => ({ earned: a.earned + b.earned, available: a.available + b.available });
