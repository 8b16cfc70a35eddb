// `shipshape lint`: the editor's linter for CI. Same engine, same configuration files.
import fs from 'node:fs';
import path from 'node:path';
import { LintConfig, Threshold, isDockerfileName, mergeConfig } from '../../core/lint/config';
import { loadBuildContext } from '../../core/lint/build-context';
import { Linter } from '../../core/lint/engine';
import { FileResult, formatters } from '../../core/lint/formats';
import { ConfigError, findHadolintConfig, formatProblem, loadHadolintConfig } from '../../core/lint/hadolint-config';
import { SEVERITY_RANK } from '../../core/lint/types';
import { version } from '../../../package.json';
import { findShellcheck, shellcheckRunner } from '../../process/shellcheck';
import { EXIT, UsageError, defineCommand, formatOption } from '../io';

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
      throw new UsageError(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(abs);
    else out.push(abs);
  }
  return out;
}

const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none', 'ignore'] as const;

export async function runLint(options: LintCommandOptions): Promise<{ output: string; exitCode: number }> {
  const formatter = formatters[options.format]!;
  if (options.paths.length === 0) throw new UsageError('name at least one Dockerfile or folder (or - for standard input)');
  const files = collectFiles(options.paths, options.cwd);
  const explicit = options.config ? loadHadolintConfig(path.resolve(options.cwd, options.config)) : undefined;
  const flags: Partial<LintConfig> = {
    ignored: options.ignore,
    trustedRegistries: options.trustedRegistries,
    ...(options.failureThreshold ? { failureThreshold: (options.failureThreshold === 'ignore' ? 'none' : options.failureThreshold) as Threshold } : {}),
    ...(options.noFail ? { noFail: true } : {}),
  };
  const linter = await Linter.create({ wasmDir: __dirname });
  const shellcheckBinary = findShellcheck(options.shellcheck);
  if (options.shellcheck && options.shellcheck !== 'off' && !shellcheckBinary) throw new UsageError(`--shellcheck ${options.shellcheck}: no such file`);
  const runShellcheck = shellcheckBinary ? shellcheckRunner(shellcheckBinary) : undefined;
  const configCache = new Map<string, Partial<LintConfig>>();
  const results: FileResult[] = [];
  let failed = false;
  for (const file of files) {
    const isStdin = file === '-';
    const text = isStdin ? await options.readStdin() : fs.readFileSync(file, 'utf8');
    const dir = isStdin ? options.cwd : path.dirname(file);
    let fileConfig = explicit;
    if (!fileConfig) {
      const found = findHadolintConfig(dir);
      if (found && !configCache.has(found)) configCache.set(found, loadHadolintConfig(found));
      fileConfig = found ? configCache.get(found) : undefined;
    }
    const config = mergeConfig(fileConfig ?? {}, flags);
    const buildContext = isStdin ? undefined : loadBuildContext(file, options.context ? path.resolve(options.cwd, options.context) : dir);
    const findings = runShellcheck ? await linter.lintWithShellcheck(text, { config, buildContext }, runShellcheck) : linter.lint(text, { config, buildContext });
    const shown = isStdin ? '-' : path.relative(options.cwd, file) || file;
    results.push({ file: shown, findings });
    const threshold = config.failureThreshold;
    if (!config.noFail && threshold !== 'none' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold])) failed = true;
  }
  const output = formatter({ results, meta: (id) => linter.meta(id), toolVersion: version, color: options.color });
  return { output, exitCode: failed ? EXIT.failed : EXIT.ok };
}

export const lint = defineCommand({
  name: 'lint',
  summary: 'lint Dockerfiles (every hadolint rule and BuildKit check; .hadolint.yaml honoured)',
  operands: 'PATH...',
  notes: ['PATH is a Dockerfile (whatever its name), a folder (searched for Dockerfile-like names), or - for standard input.'],
  options: {
    format: formatOption(Object.keys(formatters) as [string, ...string[]]),
    config: { type: 'string', short: 'c', deprecatedShort: true, value: 'FILE', help: 'this .hadolint.yaml instead of the nearest one' },
    ignore: { type: 'string', multiple: true, value: 'RULE', help: 'skip this rule: a DL or SC code, or a BuildKit check name' },
    'trusted-registry': { type: 'string', multiple: true, value: 'REGISTRY', help: 'a registry FROM may use (DL3026)' },
    'failure-threshold': { type: 'string', short: 't', value: 'LEVEL', choices: THRESHOLDS, help: `exit 1 from this severity up: ${THRESHOLDS.join(', ')}` },
    'no-fail': { type: 'boolean', help: 'exit 0 whatever is found' },
    'build-context': { type: 'string', value: 'DIR', help: 'the build context, for .dockerignore (default: the Dockerfile\'s folder)' },
    context: { type: 'string', value: 'DIR', deprecatedFor: 'build-context', help: '' },
    shellcheck: { type: 'string', value: 'PATH', help: 'the shellcheck binary (default: shellcheck on PATH, when there is one)' },
    'no-shellcheck': { type: 'boolean', help: 'no ShellCheck findings' },
    'no-color': { type: 'boolean', help: 'no colours in tty output (also NO_COLOR=1; never when piped)' },
  },
  examples: ['shipshape lint .', 'shipshape lint --format sarif Dockerfile > shipshape.sarif', 'shipshape lint --format json - < Dockerfile'],
  exitCodes: '0 no finding reaches the threshold, 1 one does, 2 a usage error or a bad configuration.',
  async run(values, paths, io) {
    try {
      const { output, exitCode } = await runLint({
        paths,
        format: values.format,
        config: values.config,
        ignore: values.ignore,
        trustedRegistries: values['trusted-registry'],
        failureThreshold: values['failure-threshold'],
        noFail: values['no-fail'],
        context: values['build-context'],
        shellcheck: values['no-shellcheck'] ? 'off' : (values.shellcheck ?? ''),
        color: !values['no-color'] && Boolean(io.isTTY) && !io.env.NO_COLOR,
        readStdin: async () => (await io.readStdin()).toString('utf8'),
        cwd: io.cwd,
      });
      io.out(output);
      return exitCode;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.err(`shipshape lint: invalid configuration\n${error.problems.map(formatProblem).join('\n')}\n`);
      return EXIT.usage;
    }
  },
});
