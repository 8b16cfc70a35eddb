// `shipshape lint`: the editor's linter for CI. Same engine, same configuration files.
import fs from 'node:fs';
import path from 'node:path';
import { Threshold, isDockerfileName } from '../core/lint/config';
import { Linter } from '../core/lint/engine';
import { FileResult, formatters } from '../core/lint/formats';
import { ConfigError, formatProblem } from '../core/lint/hadolint-config';
import { LintSetup } from '../core/lint/setup';
import { SEVERITY_RANK } from '../core/lint/types';
import { version } from '../../package.json';
import { nodeLintHost } from '../process/lint-host';

export class LintUsageError extends Error {}

export interface LintCommandOptions {
  paths: string[];
  format: string;
  config?: string;
  ignore: string[];
  trustedRegistries: string[];
  failureThreshold?: string;
  noFail: boolean;
  context?: string;
  /** '' looks on PATH, 'off' disables, else a path. */
  shellcheck: string;
  color: boolean;
  readStdin: () => Promise<string>;
  cwd: string;
  /** Warnings that do not change the exit code (unknown rule ids, a failing ShellCheck); default: standard error. */
  warn?: (text: string) => void;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

/** Expands folders into the Dockerfile-like files below them; explicit files are kept whatever their name. */
export function collectFiles(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile() && isDockerfileName(entry.name)) {
        out.push(full);
      }
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new LintUsageError(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(abs);
    else out.push(abs);
  }
  return out;
}

const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none', 'ignore'];

export async function runLint(options: LintCommandOptions): Promise<{ output: string; exitCode: number }> {
  const formatter = formatters[options.format];
  if (!formatter) throw new LintUsageError(`--format must be one of ${Object.keys(formatters).join(', ')} (got "${options.format}")`);
  if (options.failureThreshold && !THRESHOLDS.includes(options.failureThreshold)) {
    throw new LintUsageError(`--failure-threshold must be one of ${THRESHOLDS.join(', ')} (got "${options.failureThreshold}")`);
  }
  if (options.paths.length === 0) throw new LintUsageError('name at least one Dockerfile or folder (or - for standard input)');
  const files = collectFiles(options.paths, options.cwd);
  const warn = options.warn ?? ((text: string) => process.stderr.write(text));
  const linter = await Linter.create({ wasmDir: __dirname });
  const setup = new LintSetup(linter, nodeLintHost(), {
    configFile: options.config ? path.resolve(options.cwd, options.config) : undefined,
    ignore: options.ignore,
    trustedRegistries: options.trustedRegistries,
    failureThreshold: options.failureThreshold ? ((options.failureThreshold === 'ignore' ? 'none' : options.failureThreshold) as Threshold) : undefined,
    noFail: options.noFail,
    buildContextDir: options.context ? path.resolve(options.cwd, options.context) : undefined,
    shellcheck: options.shellcheck,
  });
  if (options.shellcheck && options.shellcheck !== 'off' && !setup.shellcheck) throw new LintUsageError(`--shellcheck ${options.shellcheck}: no such file`);
  for (const warning of setup.warnings) warn(`shipshape lint: warning: --ignore ${warning}\n`);
  const warned = new Set<string>();
  const warnOnce = (text: string) => {
    if (!warned.has(text)) warn(text);
    warned.add(text);
  };
  const results: FileResult[] = [];
  let failed = false;
  for (const file of files) {
    const isStdin = file === '-';
    const text = isStdin ? await options.readStdin() : fs.readFileSync(file, 'utf8');
    const fileSetup = setup.forDockerfile(isStdin ? undefined : file, isStdin ? options.cwd : path.dirname(file));
    const errors = fileSetup.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new ConfigError(errors);
    for (const p of fileSetup.problems) warnOnce(`shipshape lint: warning: ${formatProblem(p)}\n`);
    const { findings, shellcheckFailure } = await fileSetup.lint(text);
    if (shellcheckFailure) warnOnce(`shipshape lint: warning: ${shellcheckFailure}; ShellCheck's findings are missing, the other rules ran\n`);
    const config = fileSetup.config;
    const shown = isStdin ? '-' : path.relative(options.cwd, file) || file;
    results.push({ file: shown, findings });
    const threshold = config.failureThreshold;
    if (!config.noFail && threshold !== 'none' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold])) failed = true;
  }
  const output = formatter({ results, meta: (id) => linter.meta(id), toolVersion: version, color: options.color });
  return { output, exitCode: failed ? 1 : 0 };
}

export { ConfigError };
