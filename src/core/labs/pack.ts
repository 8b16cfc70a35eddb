// A loaded lab pack: what the loader hands the runner, the CLI and the editor. Pure types; every
// node keeps where it came from so a problem found later can still point at its line.

/** A place in a pack file: 1-based line and column, as a person reads them. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A problem with a pack, reported as `file:line:col: message` with a hint. */
export interface PackProblem extends SourcePosition {
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/** What the host must offer; unmet requirements are explained, not crashed into. */
export interface PackRequirements {
  /** Minimum Engine API version, e.g. "1.41". */
  apiVersion?: string;
  /** "linux": a Linux engine (not Windows containers). */
  os?: 'linux';
  cgroup?: 'v1' | 'v2';
  swarm?: boolean;
  rootful?: boolean;
}

export type PackImage =
  | { name: string; kind: 'pull'; reference: string; digest?: string; at: SourcePosition }
  /** Built from a context shipped in the pack (a folder relative to the manifest): how a pack works offline. */
  | { name: string; kind: 'build'; context: string; dockerfile?: string; tag: string; at: SourcePosition };

/** Names the pack owns: cleanup and reset touch these and anything labelled io.shipshape.pack=<id>, nothing else. */
export interface PackResources {
  containers: string[];
  networks: string[];
  volumes: string[];
  images: string[];
  /** Name prefixes, for all four kinds of object. */
  prefixes: string[];
}

/** One command of an action: an argument vector run with execFile, or a shell script (trusted workspaces only). */
export type Command =
  | { kind: 'argv'; argv: string[]; at: SourcePosition }
  | { kind: 'script'; script: string; at: SourcePosition };

export interface Action {
  commands: Command[];
  /** Per command. */
  timeoutMs: number;
  at: SourcePosition;
}

/** Fields every check has, whatever its kind. */
export interface CheckCommon {
  kind: string;
  /** Shown in results and grades; defaults to a title the kind derives from its fields. */
  name?: string;
  /** Share of the step's points; the step's points are split evenly among checks without one. */
  points?: number;
  /** Wait until the check holds, for at most this long (ms); 0 = judge once. */
  timeoutMs: number;
  /** Between tries while waiting, and between runs of a kind events cannot cover (ms). */
  intervalMs: number;
  /** The check must hold this long (ms) before it passes. */
  stableForMs: number;
  /** What the self-test expects before the solve runs: failed (default), or errored when the pack says so (an image not built yet). */
  expectBeforeSolve?: 'failed' | 'errored' | 'passed';
  at: SourcePosition;
}

/** A check as written in the pack: its common fields and its kind's own, parsed by the kind's field types. */
export interface CheckSpec extends CheckCommon {
  fields: Record<string, unknown>;
  /** Where each of the kind's own fields was written, for errors found when it runs. */
  fieldsAt: Record<string, SourcePosition>;
}

export interface Hint {
  tier: 'nudge' | 'hint' | 'solution';
  text: string;
}

export interface Step {
  id: string;
  title: string;
  /** Markdown, read from the step's file. */
  body: string;
  bodyFile: string;
  checks: CheckSpec[];
  hints: Hint[];
  points: number;
  needs: string[];
  setup?: Action;
  solve?: Action;
  cleanup?: Action;
  at: SourcePosition;
}

export interface Lab {
  id: string;
  title: string;
  intro: string;
  recap: string;
  steps: Step[];
  at: SourcePosition;
}

export interface Pack {
  schemaVersion: 1;
  id: string;
  title: string;
  version: string;
  minShipshapeVersion?: string;
  description: string;
  requires: PackRequirements;
  images: PackImage[];
  resources: PackResources;
  labs: Lab[];
  /** The folder the manifest is in (for an archive: where it was unpacked). */
  root: string;
  manifestFile: string;
  /** sha256 of every file the pack is made of: trust is asked again when it changes. */
  contentHash: string;
}

/** The label every object a pack's actions create should carry (and that cleanup may remove). */
export const PACK_LABEL = 'io.shipshape.pack';
