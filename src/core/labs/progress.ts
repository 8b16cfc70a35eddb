// What is kept of a student's work on a pack, and the store it is kept in (a file in the editor's
// global storage: src/process/progress-file.ts). Keyed by lab and step ids, so a pack that is
// edited and reloaded keeps the progress of every step that still exists.

export type StepStatus = 'locked' | 'ready' | 'passed' | 'failed' | 'errored' | 'solved';

export interface StepProgress {
  status: StepStatus;
  /** Points earned when it was last checked (0 when solved by the solution). */
  points: number;
  hintsShown: number;
  /** The pack's solution was run for it: it earns 0 points whatever its checks say. */
  solved: boolean;
  /** Quiz answers, by the check's index in the step. */
  answers: Record<string, string>;
  checkedAt?: string;
  passedAt?: string;
  /** It had passed, and a later run failed: when, and the failed observation's words. */
  unpassed?: { at: string; reason: string };
}

export interface Progress {
  packId: string;
  version: string;
  savedAt: string;
  /** Keyed `<lab id>/<step id>`. */
  steps: Record<string, StepProgress>;
  /** Set on load only, never saved: the main copy was unreadable and this came from the backup. */
  recovered?: string;
}

export interface ProgressStore {
  load(packId: string, version: string): Promise<Progress | undefined>;
  save(progress: Progress): Promise<void>;
}

export const stepKey = (lab: string, step: string) => `${lab}/${step}`;

const STATUSES: readonly StepStatus[] = ['locked', 'ready', 'passed', 'failed', 'errored', 'solved'];

/** Whether parsed JSON is a Progress of this pack; the reason when it is not. */
export function progressProblem(value: unknown, packId: string, version: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a JSON object';
  const p = value as Partial<Progress>;
  if (p.packId !== packId || p.version !== version) return `it is the progress of ${String(p.packId)}@${String(p.version)}, not ${packId}@${version}`;
  if (typeof p.steps !== 'object' || p.steps === null) return 'it has no steps';
  for (const [key, s] of Object.entries(p.steps)) {
    if (!s || !STATUSES.includes(s.status) || typeof s.hintsShown !== 'number' || typeof s.points !== 'number' || typeof s.answers !== 'object')
      return `step ${key} is malformed`;
  }
  return undefined;
}
