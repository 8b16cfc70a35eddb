// A Dockerfile as lint rules see it: instructions, stages, flags, comments and directives, built once by
// Shipshape's tokenizer (tokenize.ts), each instruction's details read on first use. The fields mean what
// dockerfile-ast's getters returned, which the rules were written against. The shapes are declared in
// types.ts and re-exported here: code outside this folder imports the model from this file alone.
import { imageOf } from './from-image';
import { readHeredocs } from './heredocs';
import { readKeyValues } from './key-values';
import { unquotedBlank, unquoteFlagValue, unquoteWord } from './quotes';
import { argumentsText, blanksEnd, flagWords, readWords, scanDockerfile, type InstructionSpan, type RawWord, type Source } from './tokenize';
import type { Comment, Directive, DockerfileModel, DockerfileText, Flag, HeredocInfo, ImageRef, Instruction, KeyValue, MappedText, Position, Range, Stage, Word } from './types';

export type { Comment, Directive, DockerfileModel, DockerfileText, Flag, HeredocInfo, ImageRef, Instruction, KeyValue, MappedText, Position, Range, Stage, Word } from './types';

/** The instructions BuildKit knows (upper-cased). */
export const INSTRUCTION_KEYWORDS: ReadonlySet<string> = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const PROPERTY_KEYWORDS = new Set(['ENV', 'LABEL']);
const DIRECTIVE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/;
const CONTINUATION: Record<string, RegExp> = { '\\': /\\[ \t]*$/, '`': /`[ \t]*$/ };

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

/**
 * The names of an ARG, each with its default: `ARG A B=2 C="x y"` declares three. Words are split as BuildKit
 * does (quote-aware, continuations joined, comment lines dropped); the first `=` of a word ends its name.
 */
export function argProperties(source: DockerfileText, range: Range | null): KeyValue[] {
  if (!range) return [];
  const mapped = mappedText(source, range);
  const text = mapped.text;
  const escape = source.escapeChar;
  const out: KeyValue[] = [];
  let i = 0;
  while (i < text.length) {
    i = blanksEnd(text, i);
    if (i >= text.length) break;
    const start = i;
    const end = unquotedBlank(text, escape, start);
    i = end;
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

/** A flag word (`--name=value`): the name starts after two dashes (a third one is part of it, `\` and blanks are skipped). */
function toFlag(source: Source, word: RawWord): Flag {
  const value = word.value;
  const start = source.norm(word.start);
  const written = source.slice(word.start, word.end);
  let nameAt = -1;
  for (let i = 0, dashes = 0; i < written.length; i++) {
    const c = written[i];
    if (c === '\\' || c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (c === '-' && dashes < 2) dashes++;
    else {
      nameAt = i;
      break;
    }
  }
  const range = source.range(word.start, word.end);
  const nameStart = source.positionAt(start + nameAt);
  // The `=` is looked up in the word as written, its name and value cut from the word with escapes resolved.
  const eq = written.indexOf('=');
  if (eq === -1) return { name: value.substring(2), value: null, unquoted: null, range, nameRange: { start: nameStart, end: range.end }, valueRange: null };
  const nameRange = { start: nameStart, end: source.positionAt(start + eq) };
  if (eq === value.length - 1) return { name: value.substring(2, eq), value: '', unquoted: '', range, nameRange, valueRange: { start: range.end, end: range.end } };
  const valueEq = value.indexOf('=');
  const flagValue = value.substring(valueEq + 1);
  return {
    name: value.substring(2, valueEq),
    value: flagValue,
    unquoted: unquoteFlagValue(flagValue),
    range,
    nameRange,
    valueRange: { start: source.positionAt(start + eq + 1), end: range.end },
  };
}

/** What a FROM says about its stage: the image, and `AS name`. */
interface FromParts {
  image: ImageRef | null;
  name: string | null;
  nameRange: Range | null;
  asText: string | null;
  asRange: Range | null;
}

/**
 * An instruction whose details are computed on first use, each from one pass over the instruction's own text:
 * most rules look at a few keywords only.
 */
class LazyInstruction implements Instruction {
  readonly keyword: string;
  readonly keywordText: string;
  readonly keywordRange: Range;
  readonly range: Range;
  trigger: Instruction | undefined = undefined;
  onbuildParent: Instruction | undefined = undefined;
  // Each detail once computed; undefined until then (fixed fields keep the object's shape stable).
  private cachedWords: RawWord[] | undefined = undefined;
  private cachedFlagWords: RawWord[] | undefined = undefined;
  private cachedArgWords: RawWord[] | undefined = undefined;
  private cachedArgs: Word[] | undefined = undefined;
  private cachedHeaderArgs: Word[] | undefined = undefined;
  private cachedHeaderEndLine: number | undefined = undefined;
  private cachedArgsText: string | undefined = undefined;
  private cachedRawArgsText: string | undefined = undefined;
  private cachedArgsRange: Range | null | undefined = undefined;
  private cachedFlags: Flag[] | undefined = undefined;
  private cachedJson: string[] | null | undefined = undefined;
  private cachedProperties: KeyValue[] | undefined = undefined;
  private cachedHeredocs: HeredocInfo[] | undefined = undefined;

  constructor(
    private readonly source: Source,
    private readonly dockerfile: DockerfileText,
    private readonly span: InstructionSpan,
    readonly index: number,
    readonly stage: Stage | undefined,
  ) {
    this.keywordText = span.keywordText;
    this.keyword = span.keywordText.toUpperCase();
    this.keywordRange = source.range(span.start, span.keywordEnd);
    this.range = source.range(span.start, span.end);
    if (this.keyword === 'ONBUILD') {
      // The trigger is the first word, as written, and the rest of the ONBUILD.
      const first = this.words[0];
      if (first) {
        const keywordText = source.slice(first.start, first.end);
        this.trigger = new LazyInstruction(source, dockerfile, { keywordText, start: first.start, keywordEnd: first.end, end: span.end, words: undefined }, index, stage);
        this.trigger.onbuildParent = this;
      }
    }
  }

  /** Every word after the keyword, flags included. */
  private get words(): RawWord[] {
    const { source, span } = this;
    return (this.cachedWords ??= span.words ?? readWords(source, source.norm(span.keywordEnd), source.norm(span.end)));
  }
  private get flagWords(): RawWord[] {
    return (this.cachedFlagWords ??= flagWords(this.keyword, this.words));
  }
  private get argWords(): RawWord[] {
    const flags = this.flagWords.length;
    return (this.cachedArgWords ??= flags === 0 ? this.words : this.words.slice(flags));
  }

  get args(): Word[] {
    return (this.cachedArgs ??= this.source.words(this.argWords));
  }
  get headerArgs(): Word[] {
    if (this.cachedHeaderArgs) return this.cachedHeaderArgs;
    const last = this.headerEndLine;
    return (this.cachedHeaderArgs = this.heredocs.length === 0 ? this.args : this.args.filter((a) => a.range.start.line <= last));
  }
  get headerEndLine(): number {
    if (this.cachedHeaderEndLine !== undefined) return this.cachedHeaderEndLine;
    let line = this.range.end.line;
    if (this.heredocs.length > 0) {
      // Bodies start after the line of the last `<<NAME`, or after the lines that line continues onto.
      line = Math.max(...this.heredocs.map((h) => h.nameRange.end.line));
      while (line < this.range.end.line && continues(this.dockerfile, line)) line++;
    }
    return (this.cachedHeaderEndLine = line);
  }
  get argsText(): string {
    return (this.cachedArgsText ??= argumentsText(this.source, this.argWords));
  }
  get rawArgsText(): string {
    if (this.cachedRawArgsText !== undefined) return this.cachedRawArgsText;
    const args = this.argWords;
    return (this.cachedRawArgsText = args.length === 0 ? '' : this.source.slice(args[0]!.start, args[args.length - 1]!.end));
  }
  get argsRange(): Range | null {
    if (this.cachedArgsRange !== undefined) return this.cachedArgsRange;
    const args = this.argWords;
    return (this.cachedArgsRange = args.length === 0 ? null : this.source.range(args[0]!.start, args[args.length - 1]!.end));
  }
  get flags(): Flag[] {
    if (this.cachedFlags) return this.cachedFlags;
    const words = this.flagWords;
    return (this.cachedFlags = words.length === 0 ? [] : words.map((w) => toFlag(this.source, w)));
  }
  get looksLikeJson(): boolean {
    return this.argsText.trimStart().startsWith('[');
  }
  get json(): string[] | null {
    if (this.cachedJson === undefined) this.cachedJson = this.looksLikeJson ? parseJsonArray(this.argsText.trim()) : null;
    return this.cachedJson;
  }
  get properties(): KeyValue[] {
    if (this.cachedProperties) return this.cachedProperties;
    if (this.keyword === 'ARG') return (this.cachedProperties = argProperties(this.dockerfile, this.argsRange));
    const { source, span } = this;
    return (this.cachedProperties = PROPERTY_KEYWORDS.has(this.keyword) ? readKeyValues(source, span.start, span.keywordEnd, span.end) : []);
  }
  get heredocs(): HeredocInfo[] {
    // null: a heredoc shape dockerfile-ast throws on, which the model has always read as none.
    return (this.cachedHeredocs ??= readHeredocs(this.source, this.argWords, this.span.start, this.span.end) ?? []);
  }

  /** The image and stage name of a FROM: the first argument, and the third after `AS`. */
  fromParts(): FromParts {
    const args = this.argWords;
    const asWord = args[1];
    const nameWord = args.length > 2 && asWord!.value.toUpperCase() === 'AS' ? args[2]! : null;
    return {
      image: imageOf(this.source, args, this.words),
      name: nameWord ? this.source.slice(nameWord.start, nameWord.end) : null,
      nameRange: nameWord ? this.source.range(nameWord.start, nameWord.end) : null,
      asText: asWord ? asWord.value : null,
      asRange: asWord ? this.source.range(asWord.start, asWord.end) : null,
    };
  }
}

/** The line ends with the escape character (not an escaped one): the instruction goes on. */
function continues(source: DockerfileText, line: number): boolean {
  const text = (source.lines[line] ?? '').trimEnd();
  return text.endsWith(source.escapeChar) && !text.endsWith(source.escapeChar + source.escapeChar);
}

/** Parses a Dockerfile. Never throws: whatever the text, a model comes back. */
export function parseDockerfile(text: string): DockerfileModel {
  const { source, directives: directiveSpans, comments: commentSpans, instructions: spans } = scanDockerfile(text);
  const lines = source.lines();
  const textSource: DockerfileText = { lines, escapeChar: source.escapeChar };
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  let current: Stage | undefined;
  const stagesByName = new Map<string, Stage>();
  spans.forEach((span, index) => {
    const keyword = span.keywordText.toUpperCase();
    if (keyword === 'FROM') {
      const stage: Stage = {
        index: stages.length,
        name: null,
        nameRange: null,
        asText: null,
        asRange: null,
        from: undefined as unknown as Instruction,
        image: null,
        parent: undefined,
        platform: null,
        instructions: [],
      };
      const instruction = new LazyInstruction(source, textSource, span, index, stage);
      const { image, name, nameRange, asText, asRange } = instruction.fromParts();
      Object.assign(stage, { name, nameRange, asText, asRange, image, from: instruction });
      stage.parent = image ? stagesByName.get(image.raw.toLowerCase()) : undefined;
      stage.platform = instruction.flags.find((f) => f.name.toLowerCase() === 'platform') ?? null;
      current = stage;
      stages.push(stage);
      if (stage.name) stagesByName.set(stage.name.toLowerCase(), stage);
      stage.instructions.push(instruction);
      instructions.push(instruction);
      return;
    }
    const instruction = new LazyInstruction(source, textSource, span, index, current);
    instructions.push(instruction);
    if (current) current.instructions.push(instruction);
    else if (keyword === 'ARG') globalArgs.push(instruction);
  });
  const comments: Comment[] = commentSpans.map(({ start, end }) => {
    const range = source.range(start, end);
    return { text: text.slice(start + 1, end).trim(), range, line: range.start.line };
  });
  const directives: Directive[] = [];
  for (const d of directiveSpans) {
    const range = source.range(d.start, d.end);
    const lineText = lines[range.start.line] ?? '';
    // BuildKit's directives are `# key=value` with a one-word key; the directive scan also takes
    // lines like `# hadolint global ignore=DL3006`, which are comments (and pragmas).
    if (DIRECTIVE.test(lineText)) {
      directives.push({
        name: source.slice(d.nameStart, d.nameEnd),
        value: source.slice(d.valueStart, d.valueEnd),
        range,
        nameRange: source.range(d.nameStart, d.nameEnd),
        valueRange: source.range(d.valueStart, d.valueEnd),
      });
    } else {
      const hash = lineText.indexOf('#');
      comments.push({ text: lineText.slice(hash + 1).trim(), range: { start: { line: range.start.line, character: hash }, end: { line: range.start.line, character: lineText.length } }, line: range.start.line });
    }
  }
  comments.sort((a, b) => a.line - b.line);
  return { text, lines, escapeChar: source.escapeChar, instructions, stages, globalArgs, comments, directives };
}

/** Every instruction including ONBUILD triggers, in document order. */
export function* allInstructions(model: DockerfileModel): Iterable<Instruction> {
  for (const i of model.instructions) {
    yield i;
    if (i.trigger) yield i.trigger;
  }
}

/** A stage's instructions as stage-based rules judge them; `stage` is undefined for a Dockerfile fragment's opening body. */
export interface StageBody {
  /** Undefined for the instructions before the first FROM of a fragment: no FROM, no name, no parent. */
  stage: Stage | undefined;
  instructions: readonly Instruction[];
}

/**
 * Each stage's instructions, preceded, when the file is a fragment (an instruction other than ARG comes before the
 * first FROM, if there is one), by a body of the instructions before the first FROM (ARGs included):
 * hadolint judges those as if they were one stage. A normal Dockerfile gets exactly its stages.
 */
export function stageBodies(model: DockerfileModel): StageBody[] {
  const bodies: StageBody[] = model.stages.map((stage) => ({ stage, instructions: stage.instructions }));
  const first = model.stages[0]?.from.index ?? model.instructions.length;
  const opening = model.instructions.slice(0, first);
  if (opening.some((i) => i.keyword !== 'ARG')) bodies.unshift({ stage: undefined, instructions: opening });
  return bodies;
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
