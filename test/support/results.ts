// The results file a test run inside the extension host writes, and the runner reads. The
// extension host's exit code cannot be trusted under the VS Code server, so this file is the verdict.
export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface TestResults {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  tests: TestOutcome[];
  /** Set when the run itself broke (a suite failed to load, run() threw). */
  fatal?: string;
}
