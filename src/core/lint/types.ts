// The shapes every lint rule and every consumer of findings share.
import type { DockerfileModel, Instruction, Range } from '../dockerfile/model';
import type { ShellScript } from '../dockerfile/shell';

export type Severity = 'error' | 'warning' | 'info' | 'style';
/** The severities, the most severe first: the one place their order is written. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];
/** A severity's rank in that order: style 1 … error 4 (a higher rank is more severe). */
export const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, k) => [s, SEVERITIES.length - k])) as Record<Severity, number>;
/** What a failure threshold may say (`shipshape lint --failure-threshold`, hadolint's `failure-threshold`): a severity, `none` or `ignore` (never fail). */
export const FAILURE_THRESHOLDS: readonly (Severity | 'none' | 'ignore')[] = [...SEVERITIES, 'none', 'ignore'];

/** Where a rule's id comes from: hadolint's DL codes, BuildKit's build checks, Dockerfile syntax, ShellCheck. */
export type RuleSource = 'hadolint' | 'buildkit' | 'syntax' | 'shellcheck';

export interface RuleMeta {
  /** The primary id: `DL3008`, `JSONArgsRecommended`, … */
  id: string;
  /** Other ids for the same finding (e.g. DL3025 ↔ JSONArgsRecommended); any of them suppresses it. */
  aliases?: string[];
  source: RuleSource;
  severity: Severity;
  /** One line, shown in the Problems panel as the start of a message and in the docs. */
  description: string;
  /** Why it matters, a few sentences. */
  rationale: string;
  examples: RuleExamples;
  docs: string;
  fixable: boolean;
  /** Off unless a config names it (hadolint: in an `override` list; BuildKit: `experimental=`). */
  offByDefault?: boolean;
  /** A BuildKit experimental check. */
  experimental?: boolean;
  /**
   * BuildKit runs this check over the whole file, not per instruction: only the `# check=` directive at the top
   * skips it, a check comment above an instruction does not (e.g. ConsistentInstructionCasing).
   */
  fileLevelCheck?: boolean;
  /**
   * A rule of the other reference that finds the same problem with its own list (DL3064 and SecretsUsedInArgOrEnv):
   * each is silenced by its own names, and where both still report at the same range one finding is shown, this
   * rule's, carrying the other's id as an alias.
   */
  sameFindingAs?: string;
  /** How the rule treats a stage built FROM an earlier stage (required, by a test, for rules that read stage state). */
  stages?: StageInheritance;
}

/** What a rule carries over from the stage a `FROM <earlier stage>` builds on, and after whom, in one sentence for the docs. */
export interface StageInheritance {
  /** `inherits`: the parent stage's state counts; `per-stage`: every FROM starts afresh. */
  mode: 'inherits' | 'per-stage';
  /** What is (or is not) carried over, and which reference the rule follows there. */
  note: string;
}

/** Another place a finding concerns (shown as related information, SARIF relatedLocations). */
export interface RelatedLocation {
  range: Range;
  message: string;
}

/** A bad and a good Dockerfile, and what the rule needs around them to judge (checked by a test for every rule). */
export interface RuleExamples {
  bad: string;
  good: string;
  /** Settings the examples assume, e.g. a label schema. */
  settings?: Partial<RuleSettings>;
  /** A .dockerignore beside the examples (for CopyIgnoredFile). */
  dockerignore?: string;
  /** Platforms of locally present images, and the build's default platform (for InvalidBaseImagePlatform). */
  localImages?: { platforms: Record<string, string>; defaultPlatform: string };
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** This finding's ids besides the rule's own, when not the rule's aliases (a DL3025 BuildKit would not report carries none). */
  aliases?: string[];
  /** Other instructions the finding concerns; their comments (`# hadolint ignore=`, `# check=skip=`) silence it too. */
  related?: RelatedLocation[];
}

export type LabelType = 'text' | 'url' | 'spdx' | 'hash' | 'rfc3339' | 'semver' | 'email';

/** Rule settings from `.hadolint.yaml` (trustedRegistries, label-schema, strict-labels). */
export interface RuleSettings {
  trustedRegistries: string[];
  labelSchema: Record<string, LabelType>;
  strictLabels: boolean;
}

/** What the build context can answer (for CopyIgnoredFile); absent when linting text alone. */
export interface BuildContextInfo {
  /** Is this source path (relative to the context root, as written in COPY/ADD) excluded by .dockerignore? */
  isIgnored(source: string): boolean;
  dockerignorePath: string;
  /** The .dockerignore has `!` exceptions: BuildKit then does not judge sources at all (too hard to know statically). */
  hasExceptions?: boolean;
  /** A pattern excludes every entry of the root (`*`, `**` and the like): BuildKit then warns on copying `.` itself. */
  excludesRoot?: boolean;
}

/** Base images present locally: their platforms (InvalidBaseImagePlatform) and environments (UndefinedVar). */
export interface LocalImages {
  /** `os/arch[/variant]` of a local image reference, or undefined when it is not present. */
  platformOf(reference: string): string | undefined;
  /** The names the image's `Config.Env` sets, or undefined when it is not present (or not looked up yet). */
  envOf?(reference: string): readonly string[] | undefined;
  /** The platform builds target by default, e.g. `linux/amd64`. */
  defaultPlatform: string;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly settings: RuleSettings;
  readonly buildContext: BuildContextInfo | undefined;
  readonly localImages: LocalImages | undefined;
  /** The parsed shell of RUN / shell-form CMD, ENTRYPOINT, HEALTHCHECK, ONBUILD RUN; null for exec form or a non-POSIX SHELL. */
  shell(instruction: Instruction): ShellScript | null;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /**
   * Set for a rule whose findings on an instruction depend on nothing but that instruction: its lines and where
   * it starts, the escape character, the shell that runs it, whether it is an ONBUILD trigger, and the rule
   * settings. The linter then runs `check` per instruction and remembers the findings by exactly that, so an
   * edit re-checks only the instructions it changed. `check` above does the same for the whole file.
   */
  perInstruction?: InstructionCheck;
}

export interface InstructionCheck {
  /** The keywords it checks (ONBUILD triggers included). */
  keywords: readonly string[];
  check(instruction: Instruction, ctx: RuleContext): void;
}

export interface Finding {
  code: string;
  aliases: string[];
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  source: RuleSource;
  related?: RelatedLocation[];
}
