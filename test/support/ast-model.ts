// The model as it was built over dockerfile-ast before Shipshape had its own tokenizer, kept as the
// oracle for test/core/dockerfile/parse-parity.test.ts (and bench/parse.ts). Frozen: do not "fix" it; it is
// what parity means. ARG properties never came from dockerfile-ast: both models share argProperties.
import { DockerfileParser } from 'dockerfile-ast';
import type * as ast from 'dockerfile-ast';
import { argProperties } from '../../src/core/dockerfile/model';
import type {
  Comment, Directive, DockerfileModel, DockerfileText, Flag, HeredocInfo, ImageRef, Instruction, KeyValue, Range, Stage, Word,
} from '../../src/core/dockerfile/model';
import { unquoteFlagValue } from '../../src/core/dockerfile/quotes';

const PROPERTY_KEYWORDS = new Set(['ENV', 'LABEL']);
const DIRECTIVE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/;

function toWord(a: ast.Argument): Word {
  return { value: a.getValue(), range: a.getRange() };
}

function toFlag(f: ast.Flag): Flag {
  const value = f.getValue();
  const unquoted = value === null ? null : unquoteFlagValue(value);
  return { name: f.getName(), value, unquoted, range: f.getRange(), nameRange: f.getNameRange(), valueRange: f.getValueRange() };
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

/** Parses a Dockerfile with dockerfile-ast, as src/core/dockerfile/model.ts did. */
export function parseWithDockerfileAst(text: string): DockerfileModel {
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
  return { text, lines, escapeChar: source.escapeChar, instructions, stages, globalArgs, comments, directives };
}
