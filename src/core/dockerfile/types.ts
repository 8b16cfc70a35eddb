// The Dockerfile model's shapes: what parseDockerfile (model.ts) returns and what the tokenizer and the
// readers of instruction details (key-values, heredocs, from-image, …) fill in. It imports nothing, so every
// module of this folder can use it; outside the folder, model.ts is the one entry point (it re-exports these).
// Positions are 0-based (line, character), as in LSP and VS Code.
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export interface Word {
  value: string;
  range: Range;
}

export interface Flag {
  /** Without dashes, as written: `from`, `chown`, `platform`, `mount`. */
  name: string;
  /** As written with escapes removed (quotes kept); null for a flag without `=value`. */
  value: string | null;
  /** The value with its quotes dropped, as BuildKit reads it; null without `=value`. */
  unquoted: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
}

export interface KeyValue {
  /** ENV and LABEL: quotes resolved; ARG: as written. */
  key: string;
  /** The value with quotes and escapes resolved; null when absent (`ENV key` legacy form without value, `ARG NAME` without default). */
  value: string | null;
  /** The value as written, line continuations removed (for ENV and LABEL also the indentation after them). */
  rawValue: string | null;
  keyRange: Range;
  valueRange: Range | null;
  range: Range;
  /** `=` was used (ENV/LABEL/ARG key=value), as opposed to the legacy `ENV key value`. */
  hasEquals: boolean;
}

export interface HeredocInfo {
  name: string;
  /** The body lines, when the heredoc is terminated. */
  contentRange: Range | null;
  nameRange: Range;
  /** The line that closes the heredoc; null when it is never closed. */
  delimiterRange: Range | null;
}

export interface ImageRef {
  /** As written, e.g. `docker.io/library/node:20-alpine@sha256:...` or `$BASE`. */
  raw: string;
  registry: string | null;
  name: string | null;
  tag: string | null;
  digest: string | null;
  range: Range;
  tagRange: Range | null;
}

export interface Instruction {
  index: number;
  /** Upper-cased keyword: RUN, FROM, … (an unknown word is kept upper-cased too). */
  keyword: string;
  /** The keyword as written, e.g. `run`. */
  keywordText: string;
  keywordRange: Range;
  range: Range;
  /** Arguments after the flags, split at blanks (quotes kept, escapes resolved; heredoc body words included). */
  args: Word[];
  /** `args` without heredoc bodies: the words on the instruction's own line(s). */
  headerArgs: Word[];
  /** The last line of the instruction's own text: the line before the first heredoc body, or the instruction's last line. */
  headerEndLine: number;
  /** Arguments text with line continuations removed; '' when there are none. */
  argsText: string;
  /** Arguments text as written (continuations kept), without the flags. */
  rawArgsText: string;
  argsRange: Range | null;
  flags: Flag[];
  /** The JSON array of an exec-form instruction (CMD ["a"]), or null for shell form or invalid JSON. */
  json: string[] | null;
  /** Text looks like a JSON array (starts with `[`), whether or not it parses. */
  looksLikeJson: boolean;
  /** KEY=value pairs of ENV and LABEL, and each name of ARG (`ARG A B=2` declares A and B). */
  properties: KeyValue[];
  heredocs: HeredocInfo[];
  /** The stage this instruction belongs to; undefined for ARGs before the first FROM. */
  stage: Stage | undefined;
  /** The triggered instruction of ONBUILD. */
  trigger: Instruction | undefined;
  /** Set on a trigger: its ONBUILD. */
  onbuildParent: Instruction | undefined;
}

export interface Stage {
  index: number;
  /** `AS name` as written, or null. */
  name: string | null;
  nameRange: Range | null;
  /** The `AS` keyword as written, when present. */
  asText: string | null;
  asRange: Range | null;
  from: Instruction;
  image: ImageRef | null;
  /**
   * The earlier stage FROM names as written (stage names are case-insensitive); undefined for an image.
   * variables.ts parentStageIndex also expands global ARGs.
   */
  parent: Stage | undefined;
  platform: Flag | null;
  instructions: Instruction[];
}

export interface Comment {
  /** Text after `#`, trimmed. */
  text: string;
  range: Range;
  /** The line holds only this comment. */
  line: number;
}

export interface Directive {
  name: string;
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

export interface DockerfileModel {
  text: string;
  lines: string[];
  escapeChar: string;
  /** Top-level instructions in order (ONBUILD triggers hang off their ONBUILD). */
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs before the first FROM. */
  globalArgs: Instruction[];
  comments: Comment[];
  directives: Directive[];
}

/** What text-level helpers need of a Dockerfile: its lines and escape character. */
export type DockerfileText = Pick<DockerfileModel, 'lines' | 'escapeChar'>;

/** Dockerfile text of a range with line continuations (and the comment or empty lines inside them) removed, with positions back. */
export interface MappedText {
  text: string;
  /** The document position of character `i` (the end of the range for `i` past the text). */
  at(i: number): Position;
  /** The document range of characters [start, end). */
  range(start: number, end: number): Range;
}
