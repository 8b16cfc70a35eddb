// A Dockerfile as lint rules see it: instructions, stages, flags, comments and directives, built
// once over dockerfile-ast. Positions are 0-based (line, character), as in LSP and VS Code.
import { DockerfileParser } from 'dockerfile-ast';
import type * as ast from 'dockerfile-ast';

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
  /** null for a flag without `=value`. */
  value: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
}

export interface KeyValue {
  key: string;
  /** The value with quotes and escapes resolved; null when absent (`ENV key` legacy form without value). */
  value: string | null;
  /** The value as written. */
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
  /** Arguments after the flags, as dockerfile-ast splits them (quotes kept). */
  args: Word[];
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
  /** KEY=value pairs of ENV, LABEL and ARG. */
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

const PROPERTY_KEYWORDS = new Set(['ENV', 'LABEL', 'ARG']);
const DIRECTIVE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/;

function toWord(a: ast.Argument): Word {
  return { value: a.getValue(), range: a.getRange() };
}

function toFlag(f: ast.Flag): Flag {
  return { name: f.getName(), value: f.getValue(), range: f.getRange(), nameRange: f.getNameRange(), valueRange: f.getValueRange() };
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
    value: p.getUnescapedValue(),
    rawValue: p.getValue(),
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
  private cache: Partial<Pick<Instruction, 'args' | 'argsText' | 'rawArgsText' | 'argsRange' | 'flags' | 'properties' | 'heredocs'>> & { json?: string[] | null } = {};

  constructor(readonly node: ast.Instruction, readonly index: number, readonly stage: Stage | undefined) {
    this.keyword = node.getKeyword().toUpperCase();
    this.keywordText = node.getInstruction();
    this.keywordRange = node.getInstructionRange();
    this.range = node.getRange();
    if (this.keyword === 'ONBUILD') {
      const triggerNode = (node as ast.Onbuild).getTriggerInstruction();
      if (triggerNode) {
        this.trigger = new LazyInstruction(triggerNode, index, stage);
        this.trigger.onbuildParent = this;
      }
    }
  }

  get args(): Word[] {
    return (this.cache.args ??= this.node.getArguments().map(toWord));
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
    return (this.cache.properties ??= PROPERTY_KEYWORDS.has(this.keyword) ? properties(this.node) : []);
  }
  get heredocs(): HeredocInfo[] {
    const getHeredocs = (this.node as unknown as { getHeredocs?: () => ast.Heredoc[] }).getHeredocs;
    return (this.cache.heredocs ??= getHeredocs
      ? getHeredocs.call(this.node).map((h) => ({ name: h.getName(), contentRange: h.getContentRange(), nameRange: h.getNameRange() }))
      : []);
  }
}

function buildInstruction(node: ast.Instruction, index: number, stage: Stage | undefined): Instruction {
  return new LazyInstruction(node, index, stage);
}

/** Parses a Dockerfile. Never throws: whatever dockerfile-ast recovers is returned. */
export function parseDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const lines = text.split(/\r\n|\r|\n/);
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  let current: Stage | undefined;
  dockerfile.getInstructions().forEach((node, index) => {
    const keyword = node.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const from = node as ast.From;
      const asArg = node.getArguments()[1];
      const stage: Stage = {
        index: stages.length,
        name: from.getBuildStage(),
        nameRange: from.getBuildStageRange(),
        asText: asArg ? asArg.getValue() : null,
        asRange: asArg ? asArg.getRange() : null,
        from: undefined as unknown as Instruction,
        image: imageRef(from),
        platform: null,
        instructions: [],
      };
      current = stage;
      stages.push(stage);
      const instruction = buildInstruction(node, index, stage);
      stage.from = instruction;
      stage.platform = instruction.flags.find((f) => f.name.toLowerCase() === 'platform') ?? null;
      stage.instructions.push(instruction);
      instructions.push(instruction);
      return;
    }
    const instruction = buildInstruction(node, index, current);
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
  return { text, lines, escapeChar: dockerfile.getEscapeCharacter(), instructions, stages, globalArgs, comments, directives, ast: dockerfile };
}

/** Every instruction including ONBUILD triggers, in document order. */
export function* allInstructions(model: DockerfileModel): Iterable<Instruction> {
  for (const i of model.instructions) {
    yield i;
    if (i.trigger) yield i.trigger;
  }
}

export function rangeOf(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}
