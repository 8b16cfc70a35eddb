// ShellCheck findings for RUN, as hadolint produces them: each RUN's script is checked with a
// `#!<shell>` line and `export VAR=1` for the ARG/ENV in scope that it names (so SC2154 does not fire on them),
// SC2187 and SC1090 excluded, and nothing for PowerShell. Unlike hadolint, findings keep their
// exact word position (mapped back through the line continuations) and ShellCheck's own fixes.
import type { DockerfileModel, Instruction, Range } from '../dockerfile/model';
import { MappedScript, positionAt, scriptOf } from '../dockerfile/shell';
import type { BatchResult } from './shellcheck-batches';
import type { Fix, RuleMeta, Severity } from './types';

export const SHELLCHECK_EXCLUDED = ['SC2187', 'SC1090'];
const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy'];

export interface ShellcheckInput {
  instruction: Instruction;
  script: MappedScript;
  /** The program of SHELL (default /bin/sh). */
  shell: string;
  /** The ARG/ENV names in scope (and the proxy variables), in no particular order. */
  vars: string[];
}

/** One RUN's script as ShellCheck gets it, and how many lines were added before the script. */
export interface ShellcheckScript {
  text: string;
  headerLines: number;
}

/** The json1 comment shape of `shellcheck --format=json1`. */
export interface ShellcheckComment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
  fix: { replacements: { line: number; endLine: number; column: number; endColumn: number; replacement: string }[] } | null;
}

/** The RUN scripts ShellCheck should see, with the shell and variables in scope for each. */
export function shellcheckInputs(model: DockerfileModel, pragmaShell: string | null): ShellcheckInput[] {
  if (pragmaShell && /pwsh|powershell|cmd/i.test(pragmaShell)) return [];
  const inputs: ShellcheckInput[] = [];
  const globalArgs = model.globalArgs.flatMap((a) => a.properties.map((p) => p.key));
  for (const stage of model.stages) {
    let shell = '/bin/sh';
    const vars = new Set([...PROXY_VARS, ...globalArgs]);
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') for (const p of instruction.properties) vars.add(p.key);
      else if (instruction.keyword === 'SHELL' && instruction.json?.[0]) shell = instruction.json[0];
      else if (instruction.keyword === 'RUN' && !/pwsh|powershell|cmd(\.exe)?$/i.test(shell)) {
        const script = scriptOf(model, instruction);
        if (script && script.text.trim()) inputs.push({ instruction, script, shell, vars: [...vars] });
      }
    }
  }
  return inputs;
}

/**
 * The script with its header. Only the variables whose name occurs in the script as a word are exported: one
 * it never names cannot change what ShellCheck finds in it, and each `export` costs ShellCheck time (over the
 * corpus the full header was most of ShellCheck's work: 1.6 s of CPU against 0.6 s, the same findings).
 */
export function shellcheckScript(input: ShellcheckInput): ShellcheckScript {
  // The script's words: its longest runs of name characters (a name inside a longer run is not named).
  const words = new Set(input.script.text.match(/[A-Za-z0-9_]+/g));
  const named = input.vars.filter((v) => words.has(v) && /^[A-Za-z_]/.test(v)).sort();
  const header = [`#!${input.shell}`, ...named.map((v) => `export ${v}=1`)];
  return { text: `${header.join('\n')}\n${input.script.text}\n`, headerLines: header.length };
}

/** Script offsets of the start of each script line, to turn ShellCheck's line/column into offsets. */
function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function toRange(input: ShellcheckInput, starts: number[], headerLines: number, line: number, column: number, endLine: number, endColumn: number): Range {
  const offset = (l: number, c: number) => (starts[Math.max(0, l - 1 - headerLines)] ?? input.script.text.length) + c - 1;
  const start = offset(line, column);
  const end = offset(endLine, endColumn);
  const s = positionAt(input.script, start);
  if (end <= start) return { start: s, end: s };
  const last = positionAt(input.script, end - 1);
  return { start: s, end: { line: last.line, character: last.character + 1 } };
}

export interface ShellcheckFinding {
  code: string;
  level: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export function shellcheckFindings(input: ShellcheckInput, script: ShellcheckScript, comments: readonly ShellcheckComment[]): ShellcheckFinding[] {
  const starts = lineOffsets(input.script.text);
  return comments
    .filter((c) => c.line > script.headerLines && !SHELLCHECK_EXCLUDED.includes(`SC${c.code}`))
    .map((c) => {
      const range = toRange(input, starts, script.headerLines, c.line, c.column, c.endLine, c.endColumn);
      const fixes: Fix[] = c.fix
        ? [{ title: `Apply ShellCheck's fix for SC${c.code}`, edits: c.fix.replacements.map((r) => ({ range: toRange(input, starts, script.headerLines, r.line, r.column, r.endLine, r.endColumn), newText: r.replacement })) }]
        : [];
      return { code: `SC${c.code}`, level: c.level, message: c.message, range, fixes };
    });
}

/** ShellCheck codes have no rule file: their metadata is made from the finding. */
export function shellcheckMeta(code: string, level: Severity): RuleMeta {
  return {
    id: code,
    source: 'shellcheck',
    severity: level,
    description: `ShellCheck ${code}`,
    rationale: 'Reported by ShellCheck on the RUN script.',
    examples: { bad: '', good: '' },
    docs: `https://www.shellcheck.net/wiki/${code}`,
    fixable: false,
  };
}

/** What ShellCheck made of one script: its comments, or why it could not check it (only that script's findings are missing). */
export type ShellcheckResult = BatchResult<ShellcheckComment>;

/** Runs ShellCheck on scripts; returns each script's result (same order). Supplied by a host that may spawn processes. */
export type ShellcheckRunner = (scripts: ShellcheckScript[]) => Promise<ShellcheckResult[]>;
