// What the fidelity bench's extractors hand to the comparison: cases read from a reference's tests, and
// the ones it could not model, each with where it is in the reference and why it was left out.

/** Where a case is written in the reference: its file and 1-based line, and the test's name. */
export interface CaseOrigin {
  file: string;
  line: number;
  name: string;
}

export interface SkippedCase extends CaseOrigin {
  reason: string;
}

/** A hadolint spec's expectation: at least `min` findings of `code` (ids and aliases count), and at most `max` when set. */
export interface HadolintCase extends CaseOrigin {
  code: string;
  dockerfile: string;
  /** The spec's RUN instructions are wrapped in ONBUILD (hadolint's onBuildRuleCatches…). */
  onbuild: boolean;
  min: number;
  max?: number;
}

export interface ExpectedWarning {
  rule: string;
  /** 1-based, as BuildKit reports it; absent where BuildKit's test does not check the line (its lint-subrequest list). */
  line?: number;
}

/** A BuildKit lint test: the whole list of warnings `docker build --check` gives for the Dockerfile. */
export interface BuildkitCase extends CaseOrigin {
  dockerfile: string;
  warnings: ExpectedWarning[];
}

export interface Extracted<T> {
  cases: T[];
  skipped: SkippedCase[];
}
