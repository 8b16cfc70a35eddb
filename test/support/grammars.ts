// The TextMate grammars the grammar tests and bench tokenize with: ours (syntaxes/dockerfile.tmLanguage.json)
// with the injections package.json
// contributes to source.dockerfile, and VS Code's built-in docker and shell grammars, read from the VS Code
// server that scripts/vscode-server.mjs installs (the same one the extension tests run in). Loaded into
// vscode-textmate with vscode-oniguruma's WASM, as VS Code does.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from './corpus';

export { repoRoot };


/** The scope our grammar and VS Code's docker grammar both have. */
export const DOCKERFILE_SCOPE = 'source.dockerfile';
/** The shell grammar ours embeds. */
export const SHELL_SCOPE = 'source.shell';
/** VS Code stops a line's tokenization after this long (TextMateTokenizationSupport); so do we. */
export const LINE_TIME_LIMIT_MS = 500;

export interface GrammarFiles {
  /** Our Dockerfile grammar. */
  ours: string;
  /** Grammars package.json contributes with injectTo source.dockerfile (the directives injection). */
  injections: { path: string; scopeName: string }[];
  /** The code-server version, and the VS Code version inside it, whose built-in grammars these are. */
  vscodeVersion: string;
  /** VS Code's built-in grammars. */
  builtinDocker: string;
  builtinShell: string;
  /** VS Code's default themes (theme-defaults/themes), for tokenizing as the editor does, with a theme set. */
  builtinThemes: string;
}

interface VSCodeServerModule {
  ensureVSCodeServerFiles(): { builtinExtensionsDir: string; version: string };
}

/** Where every grammar is; installs the VS Code server first when it is missing (a few minutes, once). */
export function grammarFiles(): GrammarFiles {
  // An ES module: Node (≥ 20.19) loads it with require.
  const server = require(path.join(repoRoot, 'scripts', 'vscode-server.mjs')) as VSCodeServerModule;
  const { builtinExtensionsDir, version } = server.ensureVSCodeServerFiles();
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: { path: string; scopeName: string; injectTo?: string[] }[] };
  };
  const injections = (manifest.contributes?.grammars ?? [])
    .filter((g) => g.injectTo?.some((s) => DOCKERFILE_SCOPE === s || DOCKERFILE_SCOPE.startsWith(`${s}.`)))
    .map((g) => ({ path: path.resolve(repoRoot, g.path), scopeName: g.scopeName }));
  const files: GrammarFiles = {
    ours: path.join(repoRoot, 'syntaxes', 'dockerfile.tmLanguage.json'),
    injections,
    vscodeVersion: `code-server ${version} (VS Code ${readVersion(path.join(builtinExtensionsDir, '..', 'package.json'))})`,
    builtinDocker: path.join(builtinExtensionsDir, 'docker', 'syntaxes', 'docker.tmLanguage.json'),
    builtinShell: path.join(builtinExtensionsDir, 'shellscript', 'syntaxes', 'shell-unix-bash.tmLanguage.json'),
    builtinThemes: path.join(builtinExtensionsDir, 'theme-defaults', 'themes'),
  };
  for (const file of [files.ours, files.builtinDocker, files.builtinShell, ...injections.map((i) => i.path)]) {
    if (!fs.existsSync(file)) throw new Error(`grammar file missing: ${file}`);
  }
  return files;
}

function readVersion(manifest: string): string {
  return fs.existsSync(manifest) ? String((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: unknown }).version) : 'unknown';
}

let onigLib: Promise<textmate.IOnigLib> | undefined;

/** vscode-oniguruma's WASM, loaded once per process (loadWASM may not run twice). */
function onigurumaLib(): Promise<textmate.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

function readRaw(file: string): textmate.IRawGrammar {
  return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
}

/** How a grammar is loaded beyond its files. */
export interface GrammarOptions {
  /** A theme: the scopes' colours are then looked up for every token, as in the editor. */
  theme?: textmate.IRawTheme;
  /** Counts every regex scanner call the grammar makes (one per search for the next token). */
  calls?: { count: number };
}

/** The WASM's regex library, counting scanner calls into `calls` when given. */
async function onigFor(calls?: { count: number }): Promise<textmate.IOnigLib> {
  const lib = await onigurumaLib();
  if (!calls) return lib;
  return { ...lib, createOnigScanner: (sources) => {
    const scanner = lib.createOnigScanner(sources);
    return { findNextMatchSync: (text, start, options) => { calls.count++; return scanner.findNextMatchSync(text, start, options); }, dispose: () => scanner.dispose?.() };
  } };
}

/** A registry knowing these scopes (scope → grammar) and these injections into the top scope; loads the top scope. */
export async function grammarFrom(top: string, grammars: Record<string, () => textmate.IRawGrammar>, injections: string[] = [],
  options: GrammarOptions = {}): Promise<textmate.IGrammar> {
  const { theme, calls } = options;
  const registry = new textmate.Registry({
    onigLib: onigFor(calls),
    loadGrammar: async (scopeName) => grammars[scopeName]?.() ?? null,
    getInjections: (scopeName) => (scopeName === top ? injections : undefined),
  });
  if (theme) registry.setTheme(theme);
  const grammar = await registry.loadGrammar(top);
  if (!grammar) throw new Error(`no grammar for ${top}`);
  return grammar;
}

function grammarFor(files: Record<string, string>, injections: string[], options?: GrammarOptions): Promise<textmate.IGrammar> {
  return grammarFrom(DOCKERFILE_SCOPE, Object.fromEntries(Object.entries(files).map(([scope, file]) => [scope, () => readRaw(file)])), injections, options);
}

/** Our grammar, embedding VS Code's shell grammar, with Shipshape's injections: what a user of Shipshape sees. */
export function loadOurGrammar(files: GrammarFiles = grammarFiles(), options?: GrammarOptions): Promise<textmate.IGrammar> {
  const scopes: Record<string, string> = { [DOCKERFILE_SCOPE]: files.ours, [SHELL_SCOPE]: files.builtinShell };
  for (const i of files.injections) scopes[i.scopeName] = i.path;
  return grammarFor(scopes, files.injections.map((i) => i.scopeName), options);
}

/** VS Code's built-in docker grammar alone: what a user without Shipshape sees. */
export function loadBuiltinDockerGrammar(files: GrammarFiles = grammarFiles(), options?: GrammarOptions): Promise<textmate.IGrammar> {
  return grammarFor({ [DOCKERFILE_SCOPE]: files.builtinDocker }, [], options);
}

type ThemeSetting = textmate.IRawTheme['settings'][number];
interface ThemeFile { include?: string; tokenColors?: ThemeSetting[] }

/** One of VS Code's default themes (`dark_modern.json`, …) as vscode-textmate takes it: its token colours after
 *  those of the themes it includes, under a default foreground and background. */
export function builtinTheme(files: GrammarFiles, file: string): textmate.IRawTheme {
  const settings: ThemeSetting[] = [];
  const add = (name: string): void => {
    const theme = JSON.parse(fs.readFileSync(path.join(files.builtinThemes, name), 'utf8')) as ThemeFile;
    if (theme.include) add(theme.include);
    settings.push(...(theme.tokenColors ?? []));
  };
  add(file);
  return { name: file, settings: [{ settings: { foreground: '#CCCCCC', background: '#1F1F1F' } }, ...settings] };
}

/** A Dockerfile's lines as VS Code's text model splits them. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** What tokenizing one file found. */
export interface FileTokenization {
  /** "file:line: …" for a tokenizer error or a line stopped at the time limit. */
  problems: string[];
  /** "file:line: …" for each line that began a rule still open at end of file. */
  unterminated: string[];
  /** A hash of every line's tokens (start column and scopes): changes whenever the highlighting does. */
  digest: string;
}

/**
 * Tokenizes `text` line by line, carrying the rule stack from line to line as VS Code does. A line whose
 * stack ends deeper than the line before opened a scope; at end of file, every scope deeper than the
 * start is one that never closed (a heredoc, a continuation, a string without its end).
 */
export function tokenizeFile(grammar: textmate.IGrammar, name: string, text: string, timeLimitMs = LINE_TIME_LIMIT_MS): FileTokenization {
  const hash = createHash('sha256');
  const problems: string[] = [];
  let stack: textmate.StateStack = textmate.INITIAL;
  const startDepth = stack.depth;
  const openedAt: number[] = []; // openedAt[i]: the line that took the stack to depth startDepth + i + 1
  linesOf(text).forEach((line, index) => {
    const lineNo = index + 1;
    let result: textmate.ITokenizeLineResult;
    try {
      result = grammar.tokenizeLine(line, stack, timeLimitMs);
    } catch (error) {
      problems.push(`${name}:${lineNo}: tokenizer error: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (result.stoppedEarly) problems.push(`${name}:${lineNo}: tokenization stopped at the ${timeLimitMs} ms time limit`);
    for (const token of result.tokens) hash.update(`${token.startIndex}\t${token.scopes.join(' ')}\n`);
    hash.update('\u2028');
    stack = result.ruleStack;
    const depth = stack.depth - startDepth;
    openedAt.length = Math.min(openedAt.length, Math.max(depth, 0));
    while (openedAt.length < depth) openedAt.push(lineNo);
  });
  const open = scopesOpenAtEnd(grammar, stack);
  const perLine = new Map<number, number>();
  for (const lineNo of openedAt) perLine.set(lineNo, (perLine.get(lineNo) ?? 0) + 1);
  const unterminated = [...perLine].map(([lineNo, n]) => `${name}:${lineNo}: ${n === 1 ? 'a rule' : `${n} rules`} begun here still open at end of file (scopes open there: ${open.join(' ') || 'none named'})`);
  return { problems, unterminated, digest: hash.digest('hex').slice(0, 16) };
}

/** The scopes in force after the last line: those of an empty line tokenized from that stack. */
function scopesOpenAtEnd(grammar: textmate.IGrammar, stack: textmate.StateStack): string[] {
  const tokens = grammar.tokenizeLine('', stack, LINE_TIME_LIMIT_MS).tokens;
  return (tokens[0]?.scopes ?? []).slice(1);
}
