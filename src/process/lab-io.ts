// The check context's I/O on this machine: HTTP to loopback only, a pack's script through /bin/sh (the
// one place a shell runs, for the explicit script form), files that stay inside the workspace, and the
// linter as `shipshape lint` sets it up. createCheckContext puts these together with a LabDaemon.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { CheckContext } from '../core/labs/check';
import { loopbackProblem } from '../core/labs/checks/http';
import type { ExecResult, LabDaemon } from '../core/labs/daemon';
import { Linter } from '../core/lint/engine';
import { formatProblem } from '../core/lint/hadolint-config';
import { LintSetup, type LintOutcome } from '../core/lint/setup';
import { nodeLintHost } from './lint-host';

/** Bigger answers and files are cut (HTTP) or refused (files): checks compare text, not downloads. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_SCRIPT_OUTPUT = 4 * 1024 * 1024;

/**
 * GET a URL on this machine. Refuses any host but loopback (before connecting); never follows a
 * redirect (its 3xx is the answer). A connection error keeps its code (ECONNREFUSED: nothing listens).
 */
export function httpGet(url: string, timeoutMs: number, signal?: AbortSignal): Promise<{ status: number; body: string }> {
  const problem = loopbackProblem(url);
  if (problem) return Promise.reject(new Error(problem));
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: timeoutMs, headers: { connection: 'close' }, ...(signal ? { signal } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
        size += chunk.length;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

export interface ScriptOptions {
  /** The script's environment (default: this process's), with DOCKER_HOST set from `dockerHost`. */
  env?: NodeJS.ProcessEnv;
  /** The endpoint the rest of Shipshape talks to (unix:///var/run/docker.sock, tcp://…), so `docker` in the script uses it too. */
  dockerHost?: string;
  cwd?: string;
  signal?: AbortSignal;
}

/**
 * Runs a script with `/bin/sh -c` (trusted workspaces only: the runner decides). A non-zero exit is a
 * result; a timeout kills the script's whole process group and throws. spawn rather than execFile
 * (same argv, no second shell): execFile drops `detached`, and without its own process group a
 * timed-out script's children (a `sleep`) would live on and hold its output open.
 */
export function runScript(script: string, timeoutMs: number, options: ScriptOptions = {}): Promise<ExecResult> {
  const env = { ...(options.env ?? process.env), ...(options.dockerHost ? { DOCKER_HOST: options.dockerHost } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script], { env, cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    let why: string | undefined;
    const stop = (reason: string) => {
      why ??= reason;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    for (const name of ['stdout', 'stderr'] as const)
      child[name]!.setEncoding('utf8').on('data', (chunk: string) => {
        out[name] += chunk;
        if (out[name].length > MAX_SCRIPT_OUTPUT) stop(`the script wrote more than ${MAX_SCRIPT_OUTPUT} bytes to ${name}`);
      });
    const timer = setTimeout(() => stop(`the script did not finish within ${timeoutMs} ms`), timeoutMs);
    const aborted = () => stop('the script was stopped');
    options.signal?.addEventListener('abort', aborted, { once: true });
    if (options.signal?.aborted) aborted();
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`the script could not run: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', aborted);
      if (why) reject(new Error(why));
      else resolve({ exitCode: code ?? -1, ...out });
    });
  });
}

const outside = (root: string, full: string) => {
  const rel = path.relative(root, full);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
};

/** A file's text under `root`; undefined when it does not exist. A path leading out of root (by `..`, absolute, or a link) is refused. */
export async function readFile(root: string, file: string): Promise<string | undefined> {
  const full = path.resolve(root, file);
  if (outside(path.resolve(root), full)) throw new Error(`${file} is outside ${root}: checks read only files inside the workspace`);
  let real: string;
  try {
    real = await fs.promises.realpath(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (outside(await fs.promises.realpath(root), real)) throw new Error(`${file} is a link to ${real}, outside ${root}: checks read only files inside the workspace`);
  const stat = await fs.promises.stat(real);
  if (!stat.isFile()) throw new Error(`${file} is not a file`);
  if (stat.size > MAX_FILE_BYTES) throw new Error(`${file} is ${stat.size} bytes, more than a check reads (${MAX_FILE_BYTES})`);
  return fs.promises.readFile(real, 'utf8');
}

/** The linter loads its shell parser once (slow: WebAssembly); one per folder the parser is loaded from. */
const linters = new Map<string, Promise<Linter>>();

/** Lints as `shipshape lint FILE` does: the nearest .hadolint.yaml, the build context's .dockerignore, ShellCheck when on PATH. */
export function dockerfileLinter(wasmDir?: string): (file: string, text: string) => Promise<LintOutcome> {
  return async (file, text) => {
    const key = wasmDir ?? '';
    if (!linters.has(key)) linters.set(key, Linter.create(wasmDir ? { wasmDir } : {}));
    const setup = new LintSetup(await linters.get(key)!, nodeLintHost()).forDockerfile(file);
    const errors = setup.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new Error(`the lint configuration for ${file} is invalid:\n${errors.map(formatProblem).join('\n')}`);
    return setup.lint(text);
  };
}

export interface CheckContextOptions {
  daemon: LabDaemon;
  packRoot: string;
  /** The student's workspace folder; files are read from it (from the pack's folder when there is none). */
  workspace?: string;
  /** `<lab>/<step>/<index>`: the check being run (quiz answers are kept under it). */
  checkId: string;
  /** The student's answers by check id. */
  answers?: (checkId: string) => string | undefined;
  /** The endpoint Shipshape uses, passed to scripts as DOCKER_HOST. */
  dockerHost?: string;
  /** The environment scripts run with (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Where the linter's WebAssembly is (the bundle's folder, as `shipshape lint` passes __dirname); default: node_modules. */
  wasmDir?: string;
  signal?: AbortSignal;
}

export function createCheckContext(options: CheckContextOptions): CheckContext {
  const signal = options.signal ?? new AbortController().signal;
  const root = options.workspace ?? options.packRoot;
  const cwd = root;
  return {
    daemon: options.daemon,
    packRoot: options.packRoot,
    workspace: options.workspace,
    checkId: options.checkId,
    signal,
    readFile: (file) => readFile(root, file),
    httpGet: (url, timeoutMs) => httpGet(url, timeoutMs, signal),
    runScript: (script, timeoutMs) => runScript(script, timeoutMs, { cwd, signal, ...(options.env ? { env: options.env } : {}), ...(options.dockerHost ? { dockerHost: options.dockerHost } : {}) }),
    answer: (id) => options.answers?.(id),
    lint: dockerfileLinter(options.wasmDir),
  };
}
