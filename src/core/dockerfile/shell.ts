// The shell inside RUN (and shell-form CMD, ENTRYPOINT, HEALTHCHECK CMD, ONBUILD RUN), parsed with
// tree-sitter-bash. Dockerfile line continuations are undone first (and the comment and empty
// lines BuildKit drops inside them), keeping a map from each script character back to its
// Dockerfile line and column so findings point at the exact word.
import fs from 'node:fs';
import path from 'node:path';
import { Language, Parser, Tree, TreeCursor } from 'web-tree-sitter';
import type { DockerfileModel, HeredocInfo, Instruction, Position, Range } from './types';

/** Shell text cut out of a Dockerfile, with the Dockerfile position of every character. */
export interface MappedScript {
  text: string;
  /**
   * Where the text came from, one entry per copied slice: `starts[k]` is the slice's first index in `text`, and it
   * sits at Dockerfile line `lines[k]`, column `chars[k]` onwards (a slice never spans lines).
   */
  starts: Uint32Array;
  lines: Uint32Array;
  chars: Uint32Array;
  /** The position just after the last character. */
  end: Position;
}

export interface ShellWord {
  /** Quotes removed and escapes resolved; expansions kept as written. */
  value: string;
  raw: string;
  range: Range;
  /** Contains $VAR, ${…}, $(…) or backquotes: its value is only known at build time. */
  dynamic: boolean;
}

export interface ShellCommand {
  /** The command name, e.g. `apt-get`; '' when it is computed (`$CC`). */
  name: string;
  nameWord: ShellWord | null;
  args: ShellWord[];
  /** `VAR=value` prefixes. */
  assignments: string[];
  range: Range;
  text: string;
  /** Part of a pipeline `a | b`. */
  inPipeline: boolean;
  /** Inside a subshell `( … )`, command substitution or function body. */
  nested: boolean;
}

export interface ShellScript {
  text: string;
  commands: ShellCommand[];
  /** Any pipeline `a | b` (not `||`). */
  hasPipeline: boolean;
  /** The parser had to recover from an error; findings from shell rules may be incomplete. */
  hasError: boolean;
  errorRange: Range | null;
}

// ---------------------------------------------------------------------------------------------
// Extraction

const SHELL_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/** Cuts the shell script out of an instruction, or returns null when it has none (exec form, …). */
export function scriptOf(model: DockerfileModel, instruction: Instruction): MappedScript | null {
  let target = instruction;
  if (target.keyword === 'ONBUILD') {
    if (!target.trigger) return null;
    target = target.trigger;
  }
  if (target.keyword === 'HEALTHCHECK') {
    // HEALTHCHECK [opts] CMD <shell>: the script starts after the CMD word.
    const cmdWord = target.args.find((a) => a.value.toUpperCase() === 'CMD');
    if (!cmdWord) return null;
    const rest = target.args[target.args.indexOf(cmdWord) + 1];
    if (!rest || parsesAsJsonArray(target.argsText.slice(target.argsText.indexOf(rest.value)))) return null;
    return cut(model, cmdWord.range.end, target.range.end);
  }
  // Docker takes exec form only when the text parses as a JSON array: `RUN [[ -n x ]]` is shell.
  if (!SHELL_KEYWORDS.has(target.keyword) || target.json !== null || !target.argsRange) return null;
  if (target.heredocs.length > 0) {
    const body = scriptHeredoc(target)?.contentRange;
    if (body) return cutRaw(model, body.start, body.end);
    return cutRaw(model, target.argsRange.start, target.range.end);
  }
  return cut(model, target.argsRange.start, target.range.end);
}

const HEREDOC_FIRST = /^<<-?["']?\w/;

/** The heredoc whose body is the script itself (`RUN <<EOF`); undefined for `RUN python3 <<EOF`, which feeds it to a program, or several heredocs. */
export function scriptHeredoc(instruction: Instruction): HeredocInfo | undefined {
  const doc = instruction.heredocs[0];
  if (!doc || instruction.heredocs.length !== 1 || !doc.contentRange || !HEREDOC_FIRST.test(instruction.args[0]?.value ?? '')) return undefined;
  return doc;
}

/** Accumulates script text in slices, with the Dockerfile position of every character. */
function parsesAsJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

class ScriptBuilder {
  private parts: string[] = [];
  private length = 0;
  private starts: number[] = [];
  private lines: number[] = [];
  private chars: number[] = [];
  /** Appends text[from, to) of Dockerfile line `line`. */
  slice(text: string, line: number, from: number, to: number): void {
    if (to <= from) return;
    this.push(text.slice(from, to), line, from);
  }
  /** Appends `piece`, which starts at Dockerfile line `line`, column `character`. */
  push(piece: string, line: number, character: number): void {
    this.parts.push(piece);
    this.starts.push(this.length);
    this.lines.push(line);
    this.chars.push(character);
    this.length += piece.length;
  }
  done(end: Position): MappedScript {
    return { text: this.parts.join(''), starts: Uint32Array.from(this.starts), lines: Uint32Array.from(this.lines), chars: Uint32Array.from(this.chars), end };
  }
}

/** Copies text verbatim (heredoc bodies: the shell itself handles their backslashes). */
function cutRaw(model: DockerfileModel, start: Position, end: Position): MappedScript {
  const b = new ScriptBuilder();
  for (let line = start.line; line <= end.line && line < model.lines.length; line++) {
    const text = model.lines[line]!;
    const from = line === start.line ? start.character : 0;
    const to = line === end.line ? Math.min(end.character, text.length) : text.length;
    b.slice(text, line, from, to);
    if (line < end.line) b.push('\n', line, to);
  }
  return b.done(end);
}

/** Copies text, undoing `escape + newline` continuations as BuildKit does. */
function cut(model: DockerfileModel, start: Position, end: Position): MappedScript {
  const b = new ScriptBuilder();
  const escape = model.escapeChar;
  let continued = false;
  for (let line = start.line; line <= end.line && line < model.lines.length; line++) {
    const text = model.lines[line]!;
    const from = line === start.line ? start.character : 0;
    let to = line === end.line ? Math.min(end.character, text.length) : text.length;
    if (continued && line !== start.line) {
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue; // dropped by BuildKit
    }
    continued = false;
    const stripped = text.slice(0, to).trimEnd();
    if (line < end.line && stripped.endsWith(escape) && !stripped.endsWith(escape + escape)) {
      to = stripped.length - escape.length;
      continued = true;
    }
    b.slice(text, line, from, to);
    if (!continued && line < end.line) b.push('\n', line, to);
  }
  return b.done(end);
}

export function positionAt(script: MappedScript, index: number): Position {
  if (index >= script.text.length) return script.end;
  // The last slice starting at or before `index`.
  const starts = script.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: script.lines[lo]!, character: script.chars[lo]! + (index - starts[lo]!) };
}

export function rangeAt(script: MappedScript, start: number, end: number): Range {
  const s = positionAt(script, start);
  if (end <= start) return { start: s, end: s };
  const last = positionAt(script, end - 1);
  return { start: s, end: { line: last.line, character: last.character + 1 } };
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Offsets into the script text; turned into Dockerfile ranges per instruction (the same text can sit anywhere). */
interface RawWord {
  value: string;
  raw: string;
  start: number;
  end: number;
  dynamic: boolean;
}
interface RawCommand {
  name: string;
  nameWord: RawWord | null;
  args: RawWord[];
  assignments: string[];
  start: number;
  end: number;
  inPipeline: boolean;
  nested: boolean;
}
interface RawScript {
  commands: RawCommand[];
  hasPipeline: boolean;
  error: [number, number] | null;
}

let parserPromise: Promise<Parser> | undefined;

/** `file` in the first of `dirs` that has it, else beside the package `fallback` resolves to (looked up only then: a bundle has its own copy). */
function wasmPath(file: string, dirs: string[], fallback: string): string {
  for (const dir of dirs) {
    const candidate = path.join(dir, file);
    if (fs.existsSync(candidate)) return candidate;
  }
  let resolved: string | undefined;
  try {
    resolved = path.join(path.dirname(require.resolve(fallback)), file);
  } catch {
    resolved = undefined;
  }
  if (resolved && fs.existsSync(resolved)) return resolved;
  throw new Error(`${file} not found in ${[...dirs, `the folder of ${fallback}`].join(', ')}`);
}

/** Loads tree-sitter and the bash grammar once. `wasmDir` is where a bundle keeps its .wasm files. */
export function loadShellParser(wasmDir?: string): Promise<Parser> {
  parserPromise ??= (async () => {
    const dirs = [wasmDir, __dirname].filter((d): d is string => Boolean(d));
    await Parser.init({ locateFile: (name: string) => wasmPath(name, dirs, 'web-tree-sitter') });
    // The grammar's bytes, read here: given a path, web-tree-sitter reads it through a dynamic import().
    const bash = await Language.load(await fs.promises.readFile(wasmPath('tree-sitter-bash.wasm', dirs, 'tree-sitter-bash/package.json')));
    const parser = new Parser();
    parser.setLanguage(bash);
    return parser;
  })();
  return parserPromise;
}

const DYNAMIC = new Set(['simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion']);
const NESTING = new Set(['subshell', 'command_substitution', 'process_substitution', 'function_definition']);
const COMMANDS = new Set(['command', 'declaration_command', 'unset_command']);
const NOT_ARGUMENTS = new Set(['file_redirect', 'herestring_redirect', 'comment']);

// The tree is read through one TreeCursor: asking nodes for their children makes web-tree-sitter build a
// JavaScript object per child across the WebAssembly boundary, which cost more than the parse itself.

const MAY_EXPAND = /[$`]|[<>]\(/;
const MAY_NEST = /\$\(|`|[<>]\(/;

/** Node types that never have children worth a visit: no command, expansion or error can be inside. */
const LEAVES = new Set(['word', 'raw_string', 'number', 'variable_name', 'special_variable_name', 'comment', 'ansi_c_string', 'file_descriptor', 'heredoc_start', 'test_operator', 'regex']);

/** Any named node at or below the cursor is an expansion (the cursor ends where it started). */
function hasDynamic(cursor: TreeCursor, type = cursor.nodeType): boolean {
  if (DYNAMIC.has(type)) return true;
  if (LEAVES.has(type)) return false;
  if (!cursor.gotoFirstChild()) return false;
  let found = false;
  do found = cursor.nodeIsNamed && hasDynamic(cursor);
  while (!found && cursor.gotoNextSibling());
  cursor.gotoParent();
  return found;
}

/** The word at the cursor: quotes removed and escapes resolved, expansions kept as written. */
function readWord(cursor: TreeCursor, text: string): RawWord {
  const type = cursor.nodeType;
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  const raw = text.slice(start, end);
  let value = raw;
  let dynamic = false;
  switch (type) {
    case 'command_name':
    case 'concatenation': {
      // command_name: its first named child; concatenation: every part, punctuation as written.
      let joined = '';
      let first: string | undefined;
      if (cursor.gotoFirstChild()) {
        do {
          if (cursor.nodeIsNamed) {
            const part = readWord(cursor, text);
            dynamic ||= part.dynamic;
            first ??= part.value;
            joined += part.value;
          } else joined += text.slice(cursor.startIndex, cursor.endIndex);
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      value = type === 'command_name' ? (first ?? raw) : joined;
      return { value, raw, start, end, dynamic };
    }
    case 'word':
      if (raw.includes('\\')) value = raw.replace(/\\(.)/gs, '$1');
      break;
    case 'raw_string':
      value = raw.slice(1, -1);
      break;
    case 'string':
      value = raw.slice(1, -1);
      if (value.includes('\\')) value = value.replace(/\\([$`"\\\n])/g, '$1');
      break;
    case 'ansi_c_string':
      value = raw.slice(2, -1);
      break;
  }
  // Every expansion starts with `$`, a backquote, `<(` or `>(`: text without them needs no walk.
  return { value, raw, start, end, dynamic: MAY_EXPAND.test(raw) && hasDynamic(cursor, type) };
}

/** The command at the cursor (a command, `export …`/`local …`, or `unset …`). */
function readCommand(cursor: TreeCursor, text: string, inPipeline: boolean, nested: boolean): RawCommand {
  const type = cursor.nodeType;
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  const args: RawWord[] = [];
  const assignments: string[] = [];
  let nameWord: RawWord | null = null;
  if (cursor.gotoFirstChild()) {
    let first = true;
    do {
      if (first && type !== 'command') {
        // `export A=1`, `local x`: the keyword is the first (anonymous) child.
        nameWord = { value: cursor.nodeText, raw: cursor.nodeText, start: cursor.startIndex, end: cursor.endIndex, dynamic: false };
      }
      first = false;
      if (!cursor.nodeIsNamed) continue;
      const childType = cursor.nodeType;
      if (childType === 'variable_assignment' && !nameWord && type === 'command') assignments.push(text.slice(cursor.startIndex, cursor.endIndex));
      else if (type === 'command' && cursor.currentFieldName === 'name') nameWord = readWord(cursor, text);
      else if (!NOT_ARGUMENTS.has(childType)) args.push(readWord(cursor, text));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return { name: nameWord && !nameWord.dynamic ? nameWord.value : '', nameWord, args, assignments, start, end, inPipeline, nested };
}

function collect(tree: Tree, text: string): RawScript {
  const commands: RawCommand[] = [];
  let hasPipeline = false;
  let error: [number, number] | null = null;
  const cursor = tree.walk();
  // Most scripts parse cleanly: then no node needs asking whether it is an error (each question crosses into WebAssembly).
  let lookForError = tree.rootNode.hasError;
  const visit = (inPipeline: boolean, nested: boolean): void => {
    const type = cursor.nodeType;
    if (lookForError && (type === 'ERROR' || cursor.nodeIsMissing)) {
      error = [cursor.startIndex, cursor.endIndex];
      lookForError = false;
    }
    if (LEAVES.has(type)) return;
    if (type === 'pipeline') {
      // `a | b` (tree-sitter also makes `a |& b` a pipeline).
      hasPipeline = true;
      inPipeline = true;
    }
    if (NESTING.has(type)) nested = true;
    if (COMMANDS.has(type)) {
      const command = readCommand(cursor, text, inPipeline, nested);
      commands.push(command);
      // Only a substitution (`$(…)`, backquotes, `<(…)`) puts commands or pipelines inside a command: without one,
      // its words need no visit (unless an error is still to be found).
      if (!lookForError && !MAY_NEST.test(text.slice(command.start, command.end))) return;
    }
    if (cursor.gotoFirstChild()) {
      do if (cursor.nodeIsNamed) visit(inPipeline, nested);
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  try {
    visit(false, false);
  } finally {
    cursor.delete();
  }
  commands.sort((a, b) => a.start - b.start);
  return { commands, hasPipeline, error };
}

/** Parses shell scripts, remembering results by text so an edit re-parses only what changed. */
export class ShellParser {
  private readonly cache = new Map<string, RawScript>();
  constructor(private readonly parser: Parser, private readonly maxEntries = 5000) {}

  static async create(wasmDir?: string): Promise<ShellParser> {
    return new ShellParser(await loadShellParser(wasmDir));
  }

  parse(script: MappedScript): ShellScript {
    let raw = this.cache.get(script.text);
    if (raw) {
      this.cache.delete(script.text); // refresh its place in the LRU order
    } else {
      const tree = this.parser.parse(script.text);
      if (!tree) throw new Error('tree-sitter returned no tree');
      try {
        raw = collect(tree, script.text);
      } finally {
        tree.delete(); // trees live in WebAssembly memory
      }
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(script.text, raw);
    // Ranges are mapped back to the Dockerfile only when a rule asks (most words are never reported).
    const word = (w: RawWord): ShellWord => new MappedWord(w, script);
    return {
      text: script.text,
      hasPipeline: raw.hasPipeline,
      hasError: raw.error !== null,
      errorRange: raw.error ? rangeAt(script, raw.error[0], raw.error[1]) : null,
      commands: raw.commands.map((c) => new MappedCommand(c, script, c.nameWord ? word(c.nameWord) : null, c.args.map(word))),
    };
  }
}

class MappedWord implements ShellWord {
  readonly value: string;
  readonly raw: string;
  readonly dynamic: boolean;
  private mapped: Range | undefined;
  constructor(private readonly w: RawWord, private readonly script: MappedScript) {
    this.value = w.value;
    this.raw = w.raw;
    this.dynamic = w.dynamic;
  }
  get range(): Range {
    return (this.mapped ??= rangeAt(this.script, this.w.start, this.w.end));
  }
}

class MappedCommand implements ShellCommand {
  readonly name: string;
  readonly assignments: string[];
  readonly inPipeline: boolean;
  readonly nested: boolean;
  private mapped: Range | undefined;
  constructor(private readonly c: RawCommand, private readonly script: MappedScript, readonly nameWord: ShellWord | null, readonly args: ShellWord[]) {
    this.name = c.name;
    this.assignments = c.assignments;
    this.inPipeline = c.inPipeline;
    this.nested = c.nested;
  }
  get range(): Range {
    return (this.mapped ??= rangeAt(this.script, this.c.start, this.c.end));
  }
  get text(): string {
    return this.script.text.slice(this.c.start, this.c.end);
  }
}

// ---------------------------------------------------------------------------------------------
// Questions rules ask about commands (the vocabulary of hadolint's shell rules)

/**
 * True when the command has any of the flags: `y` matches `-y` and `-qy`; `yes` matches `--yes` and `--yes=…`.
 * `valuedShort` names the short options that take a value: a cluster is then read up to the first of them, the
 * rest of it being that value (wget `-qO-` has q and O). Without it only clusters of letters and digits count.
 */
export function hasFlag(command: ShellCommand, flags: string | readonly string[], valuedShort = ''): boolean {
  const wanted = typeof flags === 'string' ? [flags] : flags;
  return command.args.some((a) => wanted.some((f) => flagMatches(a.value, f, valuedShort)));
}

const SHORT_CLUSTER = /^-[A-Za-z0-9]+$/;
const SHORT_OPTION = /^-[^-]/;

function flagMatches(arg: string, flag: string, valuedShort: string): boolean {
  if (flag.length !== 1) return arg === `--${flag}` || arg.startsWith(`--${flag}=`);
  if (!valuedShort) return SHORT_CLUSTER.test(arg) && arg.slice(1).includes(flag);
  if (!SHORT_OPTION.test(arg)) return false;
  for (const ch of arg.slice(1)) {
    if (ch === flag) return true;
    if (valuedShort.includes(ch)) return false;
  }
  return false;
}

/** The arguments that are not flags (a `--` ends flags). Flags that take a value are listed in `valued`. */
export function positionalArgs(command: ShellCommand, valued: readonly string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let flagsDone = false;
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    if (flagsDone || !arg.value.startsWith('-') || arg.value === '-') {
      out.push(arg);
      continue;
    }
    if (arg.value === '--') {
      flagsDone = true;
      continue;
    }
    const name = arg.value.replace(/^--?/, '');
    if (valued.includes(name) && !arg.value.includes('=')) i++;
  }
  return out;
}

/** The first positional argument (e.g. `install` of `apt-get -q install x`). */
export function subcommand(command: ShellCommand, valued: readonly string[] = []): string | undefined {
  return positionalArgs(command, valued)[0]?.value;
}

/** Commands named `name` (any of the names) in a script. */
export function commandsNamed(script: ShellScript, ...names: string[]): ShellCommand[] {
  return script.commands.filter((c) => names.includes(c.name));
}
