// Finds and runs a `shellcheck` binary for the linter (the CLI and the editor share this). Scripts are batched
// many per process and their answers kept by text (src/core/lint/shellcheck-batches.ts); each process gets its
// scripts as files in a private temp folder, never through a shell or as arguments, whatever their size.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHELLCHECK_EXCLUDED, ShellcheckComment, ShellcheckRunner } from '../core/lint/shellcheck';
import { BatchLimits, DEFAULT_LIMITS, ShellcheckBatches } from '../core/lint/shellcheck-batches';

/** `setting`: '' looks on PATH, 'off' disables, anything else is a path to the binary. */
export function findShellcheck(setting: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (setting === 'off') return undefined;
  if (setting) return fs.existsSync(setting) ? setting : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, process.platform === 'win32' ? 'shellcheck.exe' : 'shellcheck');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The options every script is checked with: part of what an answer is kept under. */
const OPTIONS = ['--format=json1', '--norc', `--exclude=${SHELLCHECK_EXCLUDED.join(',')}`];

export interface ShellcheckRunnerOptions {
  /** One process's time at most (the version probe's too). */
  timeoutMs?: number;
  /** Batching and cache limits; concurrency defaults to the cores. */
  limits?: Partial<BatchLimits>;
}

/** The failure of a run whose standard output is not what ShellCheck prints, quoting its start. */
function garbled(binary: string, out: string): Error {
  return new Error(`shellcheck (${binary}) printed something that is not its output: ${JSON.stringify(out.trim().slice(0, 80))}`);
}

/** Runs the binary with `args`; its standard output, or an error that says what went wrong. */
function runShellcheck(binary: string, args: string[], timeoutMs: number, accept: (stdout: string) => boolean): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    // ShellCheck exits 1 when it has comments: only a missing or unexpected output is a failure.
    execFile(binary, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      if (accept(out)) resolve(out);
      else if (error?.killed) reject(new Error(`shellcheck (${binary}) timed out after ${timeoutMs} ms`));
      else if (error || !out.trim()) reject(new Error(`shellcheck (${binary}) failed: ${err.trim() || (error ? error.message : 'no output')}`));
      else reject(garbled(binary, out));
    });
  });
}

/** `shellcheck --version`: the version, or why the binary does not run at all. */
export function shellcheckVersion(binary: string, timeoutMs: number): Promise<string> {
  return runShellcheck(binary, ['--version'], timeoutMs, (out) => /^version:/m.test(out)).then((out) => /^version:\s*(\S+)/m.exec(out)![1]!);
}

/** One process over `texts`: written to a private temp folder, passed as files, answers matched back by file name. */
async function checkFiles(binary: string, texts: string[], timeoutMs: number): Promise<ShellcheckComment[][]> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'shipshape-sc-'));
  try {
    const files = texts.map((_, i) => path.join(dir, `run${i}.sh`));
    await Promise.all(texts.map((text, i) => fs.promises.writeFile(files[i]!, text)));
    const stdout = await runShellcheck(binary, [...OPTIONS, ...files], timeoutMs, (out) => out.trim().startsWith('{'));
    let parsed: { comments: (ShellcheckComment & { file: string })[] };
    try {
      parsed = JSON.parse(stdout) as typeof parsed;
    } catch {
      throw garbled(binary, stdout);
    }
    if (!Array.isArray(parsed.comments)) throw new Error(`shellcheck (${binary}) printed JSON without "comments"`);
    const byFile = new Map<string, ShellcheckComment[]>(files.map((f) => [f, []]));
    for (const c of parsed.comments) byFile.get(path.resolve(c.file))?.push(c);
    return files.map((f) => byFile.get(f)!);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The runner of one binary. Its version is asked once, before its first script: a binary that does not run fails every script at
 * once with that reason, not one process per script. Answers are kept for the runner's life (the editor keeps it
 * until a setting changes), under the version, the options and the script's text (its shebang is the dialect).
 */
export function shellcheckRunner(binary: string, options: ShellcheckRunnerOptions = {}): ShellcheckRunner & { batches: ShellcheckBatches<ShellcheckComment> } {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const given = Object.fromEntries(Object.entries(options.limits ?? {}).filter(([, v]) => v !== undefined));
  const limits: BatchLimits = { ...DEFAULT_LIMITS, concurrency: os.availableParallelism(), ...given };
  // Asked when a first script comes, not when the runner is made (a lint of a Dockerfile without RUN spawns nothing).
  let version: Promise<string> | undefined;
  const batches = new ShellcheckBatches<ShellcheckComment>((texts) => checkFiles(binary, texts, timeoutMs), limits);
  const runner = async (scripts: { text: string }[]) => {
    let v: string;
    try {
      v = await (version ??= shellcheckVersion(binary, timeoutMs));
    } catch (error) {
      return scripts.map(() => ({ failure: (error as Error).message }));
    }
    return batches.check(scripts.map((s) => s.text), `${v} ${OPTIONS.join(' ')}`);
  };
  return Object.assign(runner, { batches });
}
