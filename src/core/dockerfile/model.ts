// A Dockerfile as lint rules see it: instructions, stages, flags, comments and directives, built
// once over dockerfile-ast. Positions are 0-based (line, character), as in LSP and VS Code.
import { DockerfileParser } from 'dockerfile-ast';
import type * as ast from 'dockerfile-ast';
import { unquoteFlagValue, unquoteWord } from './quotes';

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
  /** As dockerfile-ast reads it (quotes kept, escapes removed); null for a flag without `=value`. */
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
  /** Arguments after the flags, as dockerfile-ast splits them (quotes kept; heredoc body words included). */
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
  /** The underlying dockerfile-ast node, for what this model does not expose. */
  node: ast.Instruction;
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
  ast: ast.Dockerfile;
}

/** The instructions BuildKit knows (upper-cased). */
export const INSTRUCTION_KEYWORDS: ReadonlySet<string> = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const PROPERTY_KEYWORDS = new Set(['ENV', 'LABEL']);
const DIRECTIVE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/;
const CONTINUATION: Record<string, RegExp> = { '\\': /\\[ \t]*$/, '`': /`[ \t]*$/ };

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

/** The text of a range as BuildKit reads it: continuations joined, comment and empty lines inside them dropped. */
export function mappedText(source: DockerfileText, range: Range): MappedText {
  let text = '';
  const lines: number[] = [];
  const chars: number[] = [];
  const continuation = CONTINUATION[source.escapeChar] ?? CONTINUATION['\\']!;
  for (let line = range.start.line; line <= range.end.line; line++) {
    const full = source.lines[line] ?? '';
    if (line > range.start.line && (full.trim() === '' || full.trimStart().startsWith('#'))) continue;
    const from = line === range.start.line ? range.start.character : 0;
    let segment = full.slice(from, line === range.end.line ? range.end.character : full.length);
    if (line < range.end.line) segment = segment.replace(continuation, '');
    for (let i = 0; i < segment.length; i++) {
      lines.push(line);
      chars.push(from + i);
    }
    text += segment;
  }
  const at = (i: number): Position => (i < text.length ? { line: lines[i]!, character: chars[i]! } : range.end);
  return {
    text,
    at,
    range: (start, end) => {
      const last = at(end - 1);
      return { start: at(start), end: end > start && end <= text.length ? { line: last.line, character: last.character + 1 } : at(end) };
    },
  };
}

/** The text of a range as written, its lines joined with `\n`. */
export function rangeText(source: Pick<DockerfileModel, 'lines'>, range: Range): string {
  const lines = source.lines;
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const parts = [(lines[range.start.line] ?? '').slice(range.start.character)];
  for (let line = range.start.line + 1; line < range.end.line; line++) parts.push(lines[line] ?? '');
  parts.push((lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.join('\n');
}

function toWord(a: ast.Argument): Word {
  return { value: a.getValue(), range: a.getRange() };
}

function toFlag(f: ast.Flag): Flag {
  const value = f.getValue();
  const unquoted = value === null ? null : unquoteFlagValue(value);
  return { name: f.getName(), value, unquoted, range: f.getRange(), nameRange: f.getNameRange(), valueRange: f.getValueRange() };
}

/**
 * The names of an ARG, each with its default: `ARG A B=2 C="x y"` declares three. Words are split as BuildKit
 * does (quote-aware, continuations joined, comment lines dropped); the first `=` of a word ends its name.
 */
function argProperties(source: DockerfileText, range: Range | null): KeyValue[] {
  if (!range) return [];
  const mapped = mappedText(source, range);
  const text = mapped.text;
  const escape = source.escapeChar;
  const out: KeyValue[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= text.length) break;
    const start = i;
    let quote = '';
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c === escape && quote !== "'") i++;
      else if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ' ' || c === '\t') break;
    }
    const end = Math.min(i, text.length);
    const word = text.slice(start, end);
    const eq = word.indexOf('=');
    const rawValue = eq < 0 ? null : word.slice(eq + 1);
    out.push({
      key: eq < 0 ? word : word.slice(0, eq),
      value: rawValue === null ? null : unquoteWord(rawValue, escape),
      rawValue,
      keyRange: mapped.range(start, eq < 0 ? end : start + eq),
      valueRange: eq < 0 ? null : mapped.range(start + eq + 1, end),
      range: mapped.range(start, end),
      hasEquals: eq >= 0,
    });
  }
  return out;
}

function parseJsonArray(text: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

function properties(node: ast.Instruction): KeyValue[] {
  const getter = (node as unknown as { getProperties?: () => ast.Property[]; getProperty?: () => ast.Property | null });
  const list = getter.getProperties ? getter.getProperties() : getter.getProperty ? [getter.getProperty()].filter((p): p is ast.Property => p !== null) : [];
  return list.map((p) => ({
    key: p.getName(),
    value: p.getValue(),
    rawValue: p.getUnescapedValue(),
    keyRange: p.getNameRange(),
    valueRange: p.getValueRange(),
    range: p.getRange(),
    hasEquals: p.getAssignmentOperator() === '=',
  }));
}

function imageRef(from: ast.From): ImageRef | null {
  const raw = from.getImage();
  const range = from.getImageRange();
  if (!raw || !range) return null;
  return {
    raw,
    registry: from.getRegistry(),
    name: from.getImageName(),
    tag: from.getImageTag(),
    digest: from.getImageDigest(),
    range,
    tagRange: from.getImageTagRange(),
  };
}

/**
 * An instruction whose details are computed on first use: dockerfile-ast re-tokenizes on every
 * getArguments()/getFlags() call, and most rules look at a few keywords only.
 */
class LazyInstruction implements Instruction {
  readonly keyword: string;
  readonly keywordText: string;
  readonly keywordRange: Range;
  readonly range: Range;
  trigger: Instruction | undefined = undefined;
  onbuildParent: Instruction | undefined = undefined;
  private cache: Partial<
    Pick<Instruction, 'args' | 'headerArgs' | 'headerEndLine' | 'argsText' | 'rawArgsText' | 'argsRange' | 'flags' | 'properties' | 'heredocs'>
  > & { json?: string[] | null } = {};

  constructor(
    readonly node: ast.Instruction,
    readonly index: number,
    readonly stage: Stage | undefined,
    private readonly source: DockerfileText,
  ) {
    this.keyword = node.getKeyword().toUpperCase();
    this.keywordText = node.getInstruction();
    this.keywordRange = node.getInstructionRange();
    this.range = node.getRange();
    if (this.keyword === 'ONBUILD') {
      const triggerNode = (node as ast.Onbuild).getTriggerInstruction();
      if (triggerNode) {
        this.trigger = new LazyInstruction(triggerNode, index, stage, source);
        this.trigger.onbuildParent = this;
      }
    }
  }

  get args(): Word[] {
    return (this.cache.args ??= this.node.getArguments().map(toWord));
  }
  get headerArgs(): Word[] {
    if (this.cache.headerArgs) return this.cache.headerArgs;
    const last = this.headerEndLine;
    return (this.cache.headerArgs = this.heredocs.length === 0 ? this.args : this.args.filter((a) => a.range.start.line <= last));
  }
  get headerEndLine(): number {
    if (this.cache.headerEndLine !== undefined) return this.cache.headerEndLine;
    let line = this.range.end.line;
    if (this.heredocs.length > 0) {
      // Bodies start after the line of the last `<<NAME`, or after the lines that line continues onto.
      line = Math.max(...this.heredocs.map((h) => h.nameRange.end.line));
      while (line < this.range.end.line && continues(this.source, line)) line++;
    }
    return (this.cache.headerEndLine = line);
  }
  get argsText(): string {
    return (this.cache.argsText ??= this.node.getArgumentsContent() ?? '');
  }
  get rawArgsText(): string {
    return (this.cache.rawArgsText ??= this.node.getRawArgumentsContent() ?? '');
  }
  get argsRange(): Range | null {
    if (this.cache.argsRange === undefined) this.cache.argsRange = this.node.getArgumentsRange();
    return this.cache.argsRange;
  }
  get flags(): Flag[] {
    const getFlags = (this.node as unknown as { getFlags?: () => ast.Flag[] }).getFlags;
    return (this.cache.flags ??= getFlags ? getFlags.call(this.node).map(toFlag) : []);
  }
  get looksLikeJson(): boolean {
    return this.argsText.trimStart().startsWith('[');
  }
  get json(): string[] | null {
    if (this.cache.json === undefined) this.cache.json = this.looksLikeJson ? parseJsonArray(this.argsText.trim()) : null;
    return this.cache.json;
  }
  get properties(): KeyValue[] {
    if (this.cache.properties) return this.cache.properties;
    if (this.keyword === 'ARG') return (this.cache.properties = argProperties(this.source, this.argsRange));
    return (this.cache.properties = PROPERTY_KEYWORDS.has(this.keyword) ? properties(this.node) : []);
  }
  get heredocs(): HeredocInfo[] {
    return (this.cache.heredocs ??= heredocsOf(this.node));
  }
}

/** The line ends with the escape character (not an escaped one): the instruction goes on. */
function continues(source: DockerfileText, line: number): boolean {
  const text = (source.lines[line] ?? '').trimEnd();
  return text.endsWith(source.escapeChar) && !text.endsWith(source.escapeChar + source.escapeChar);
}

function heredocsOf(node: ast.Instruction): HeredocInfo[] {
  const getHeredocs = (node as unknown as { getHeredocs?: () => ast.Heredoc[] }).getHeredocs;
  if (!getHeredocs) return [];
  try {
    return getHeredocs
      .call(node)
      .map((h) => ({ name: h.getName(), contentRange: h.getContentRange(), nameRange: h.getNameRange(), delimiterRange: h.getDelimiterRange() }));
  } catch {
    return []; // dockerfile-ast gives up on some broken heredocs; nothing reliable to say about them
  }
}

/** Parses a Dockerfile. Never throws: whatever dockerfile-ast recovers is returned. */
export function parseDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const lines = text.split(/\r\n|\r|\n/);
  const source: DockerfileText = { lines, escapeChar: dockerfile.getEscapeCharacter() };
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  let current: Stage | undefined;
  const stagesByName = new Map<string, Stage>();
  dockerfile.getInstructions().forEach((node, index) => {
    const keyword = node.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const from = node as ast.From;
      const asArg = node.getArguments()[1];
      const image = imageRef(from);
      const stage: Stage = {
        index: stages.length,
        name: from.getBuildStage(),
        nameRange: from.getBuildStageRange(),
        asText: asArg ? asArg.getValue() : null,
        asRange: asArg ? asArg.getRange() : null,
        from: undefined as unknown as Instruction,
        image,
        parent: image ? stagesByName.get(image.raw.toLowerCase()) : undefined,
        platform: null,
        instructions: [],
      };
      current = stage;
      stages.push(stage);
      if (stage.name) stagesByName.set(stage.name.toLowerCase(), stage);
      const instruction = new LazyInstruction(node, index, stage, source);
      stage.from = instruction;
      stage.platform = instruction.flags.find((f) => f.name.toLowerCase() === 'platform') ?? null;
      stage.instructions.push(instruction);
      instructions.push(instruction);
      return;
    }
    const instruction = new LazyInstruction(node, index, current, source);
    instructions.push(instruction);
    if (current) current.instructions.push(instruction);
    else if (keyword === 'ARG') globalArgs.push(instruction);
  });
  const comments: Comment[] = dockerfile.getComments().map((c) => ({ text: c.getContent().trim(), range: c.getRange(), line: c.getRange().start.line }));
  const directives: Directive[] = [];
  for (const d of dockerfile.getDirectives()) {
    const range = d.getRange();
    const lineText = lines[range.start.line] ?? '';
    // BuildKit's directives are `# key=value` with a one-word key; dockerfile-ast also takes
    // lines like `# hadolint global ignore=DL3006`, which are comments (and pragmas).
    if (DIRECTIVE.test(lineText)) {
      directives.push({ name: d.getName(), value: d.getValue(), range, nameRange: d.getNameRange(), valueRange: d.getValueRange() });
    } else {
      const hash = lineText.indexOf('#');
      comments.push({ text: lineText.slice(hash + 1).trim(), range: { start: { line: range.start.line, character: hash }, end: { line: range.start.line, character: lineText.length } }, line: range.start.line });
    }
  }
  comments.sort((a, b) => a.line - b.line);
  return { text, lines, escapeChar: source.escapeChar, instructions, stages, globalArgs, comments, directives, ast: dockerfile };
}

/** Every instruction including ONBUILD triggers, in document order. */
export function* allInstructions(model: DockerfileModel): Iterable<Instruction> {
  for (const i of model.instructions) {
    yield i;
    if (i.trigger) yield i.trigger;
  }
}

/** Stages whose filesystem ends up in an image, as hadolint sees it: the last one, and any other stage a FROM names. */
export function shippedStages(model: DockerfileModel): Set<Stage> {
  const stages = model.stages;
  const usedAsBase = new Set(stages.map((s) => s.image?.raw.toLowerCase()).filter((n): n is string => !!n));
  const out = new Set<Stage>();
  const last = stages[stages.length - 1];
  if (last) out.add(last);
  for (const stage of stages) if (stage.name && usedAsBase.has(stage.name.toLowerCase())) out.add(stage);
  return out;
}

export function rangeOf(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}
