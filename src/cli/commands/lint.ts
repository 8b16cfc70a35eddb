// `shipshape lint`: the editor's linter for CI. Same engine, same configuration files.
import path from 'node:path';
import { parseDockerfile } from '../../core/dockerfile/model';
import { baseImageReferences } from '../../core/dockerfile/variables';
import { Threshold } from '../../core/lint/config';
import { Linter } from '../../core/lint/engine';
import { DEFAULT_MAX_FILE_SIZE, DOCKERFILE_PATTERNS, LintInput, LintInputError, formatSize, loadDockerfiles, parseSize } from '../../core/lint/files';
import { FileResult, formatters } from '../../core/lint/formats';
import { ConfigError, formatProblem } from '../../core/lint/hadolint-config';
import { LintSetup } from '../../core/lint/setup';
import { FAILURE_THRESHOLDS } from '../../core/lint/types';
import { version } from '../../../package.json';
import type { ImagePlatforms } from '../../docker/images';
import { nodeLintHost } from '../../process/lint-host';
import type { WorkerPool } from '../../process/worker-pool';
import { PARALLEL_FROM_CORES, PARALLEL_FROM_FILES, defaultJobs, lintInputs, shellcheckJobsPerThread, startLintWorkers } from '../../process/lint-jobs';
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
  maxFileSize: number;
  /** Threads linting (1: this one only); default: every core when there are many files. With --docker, 1. */
  jobs?: number;
  /** `--docker`: the environment that says which daemon to ask about base images (DOCKER_HOST, DOCKER_CONTEXT…). */
  docker?: { env: NodeJS.ProcessEnv };
  readStdin: () => Promise<Uint8Array>;
  /** Notes for stderr: files skipped in a folder. */
  warn: (text: string) => void;
  cwd: string;
}


export async function runLint(options: LintCommandOptions): Promise<{ output: string; exitCode: number }> {
  if (options.paths.length === 0) throw new UsageError('name at least one Dockerfile or folder (or - for standard input)');
  const { inputs, skipped } = await loadDockerfiles(options.paths, { cwd: options.cwd, maxFileSize: options.maxFileSize, readStdin: options.readStdin });
  for (const { shown, reason } of skipped) options.warn(`shipshape lint: skipped ${shown}: ${reason}\n`);
  // --docker asks the daemon from this thread before each file's lint: no workers then.
  const jobs = options.docker ? 1 : (options.jobs ?? defaultJobs(inputs.length));
  const pool = startLintWorkers(jobs, inputs.length, { wasmDir: __dirname });
  try {
    return await lintAll(inputs, options, pool);
  } finally {
    await pool?.close();
  }
}

async function lintAll(inputs: LintInput[], options: LintCommandOptions, pool: WorkerPool | undefined): Promise<{ output: string; exitCode: number }> {
  const formatter = formatters[options.format]!;
  const linter = await Linter.create({ wasmDir: __dirname });
  const overrides = {
    configFile: options.config ? path.resolve(options.cwd, options.config) : undefined,
    ignore: options.ignore,
    trustedRegistries: options.trustedRegistries,
    failureThreshold: options.failureThreshold ? ((options.failureThreshold === 'ignore' ? 'none' : options.failureThreshold) as Threshold) : undefined,
    noFail: options.noFail,
    buildContextDir: options.context ? path.resolve(options.cwd, options.context) : undefined,
    shellcheck: options.shellcheck,
  };
  // This thread's share of ShellCheck's processes: the workers run theirs for the files they lint.
  const setup = new LintSetup(linter, nodeLintHost({ shellcheckLimits: { concurrency: shellcheckJobsPerThread(1 + (pool?.size ?? 0)) } }), overrides);
  if (options.shellcheck && options.shellcheck !== 'off' && !setup.shellcheck) throw new UsageError(`--shellcheck ${options.shellcheck}: no such file`);
  for (const warning of setup.warnings) options.warn(`shipshape lint: warning: --ignore ${warning}\n`);
  const warned = new Set<string>();
  const warnOnce = (text: string) => {
    if (!warned.has(text)) options.warn(text);
    warned.add(text);
  };
  let images = options.docker ? await daemonImages(options.docker.env, options.warn) : undefined;
  // With --docker (one thread), the daemon is asked about each file's base images before its lint, so the lint sees the answers.
  const beforeLint = options.docker
    ? async (text: string) => {
        if (images) {
          try {
            await images.lookup(baseImageReferences(parseDockerfile(text), images.localImages.defaultPlatform));
          } catch (error) {
            // Several files are linted at once: the first lookup that fails warns, the others go on without.
            if (images) {
              images = undefined;
              options.warn(await dockerWarning(error));
            }
          }
        }
        return { localImages: images?.localImages };
      }
    : undefined;
  const lints = await lintInputs(inputs, {
    pool,
    setup,
    overrides,
    cwd: options.cwd,
    beforeLint,
    onWorkerFailure: (error) => options.warn(`shipshape lint: warning: ${error.message.split('\n')[0]}; the main thread linted its files instead\n`),
  });
  // In input order, whichever thread linted what: the first file with a configuration error stops the run, as it would on one thread.
  const results: FileResult[] = [];
  let failed = false;
  inputs.forEach(({ file, shown }, i) => {
    const { findings, problems, shellcheckFailure, fails } = lints[i]!;
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new ConfigError(errors);
    for (const p of problems) warnOnce(`shipshape lint: warning: ${formatProblem(p)}\n`);
    if (shellcheckFailure) warnOnce(`shipshape lint: warning: ${shellcheckFailure}; ShellCheck's findings are missing, the other rules ran\n`);
    results.push({ file: shown, ...(file === '-' ? {} : { path: file }), findings });
    if (fails) failed = true;
  });
  const output = formatter({ results, meta: (id) => linter.meta(id), toolVersion: version, color: options.color, cwd: options.cwd });
  return { output, exitCode: failed ? EXIT.failed : EXIT.ok };
}

/** The daemon's base images, or undefined (after one warning) when it cannot be asked: the lint goes on without. */
async function daemonImages(env: NodeJS.ProcessEnv, warn: (text: string) => void): Promise<ImagePlatforms | undefined> {
  try {
    // Loaded only with --docker: without it a lint never loads the Docker client (node:http, node:crypto).
    const [{ ImagePlatforms }, { createDockerClient }] = await Promise.all([import('../../docker/images'), import('../../docker/client')]);
    const images = new ImagePlatforms(createDockerClient({ env }));
    await images.lookup([]); // asks the daemon's platform, which also says whether it answers
    return images;
  } catch (error) {
    warn(await dockerWarning(error));
    return undefined;
  }
}

async function dockerWarning(error: unknown): Promise<string> {
  const { daemonMessage } = await import('../../docker/errors');
  return `shipshape lint: warning: --docker: ${daemonMessage(error)}; linting without the daemon's images\n`;
}

export const lint = defineCommand({
  name: 'lint',
  summary: 'lint Dockerfiles (every hadolint rule and BuildKit check; .hadolint.yaml honoured)',
  operands: 'PATH...',
  notes: [
    'PATH is a Dockerfile (whatever its name), - for standard input, or a folder, searched (but for',
    `node_modules and version control) for ${DOCKERFILE_PATTERNS}.`,
    'Files are shown as typed, or under the folder as typed. A file that is not UTF-8 text or is too big',
    'is refused (exit 2) when named, skipped with a note when found in a folder.',
    'Without --docker no daemon is contacted. With it, base images present in the daemon (DOCKER_HOST, else',
    'DOCKER_CONTEXT or the current docker context) are inspected, never pulled: UndefinedVar then knows the',
    'names their ENV sets, and InvalidBaseImagePlatform their platform. An unreachable daemon is a warning.',
  ],
  options: {
    format: formatOption(Object.keys(formatters) as [string, ...string[]]),
    config: { type: 'string', short: 'c', deprecatedShort: true, value: 'FILE', help: 'this .hadolint.yaml instead of the nearest one' },
    ignore: { type: 'string', multiple: true, value: 'RULE', help: 'skip this rule: a DL or SC code, or a BuildKit check name' },
    'trusted-registry': { type: 'string', multiple: true, value: 'REGISTRY', help: 'a registry FROM may use (DL3026)' },
    'failure-threshold': { type: 'string', short: 't', value: 'LEVEL', choices: FAILURE_THRESHOLDS, help: `exit 1 from this severity up: ${FAILURE_THRESHOLDS.join(', ')}` },
    'no-fail': { type: 'boolean', help: 'exit 0 whatever is found' },
    'build-context': { type: 'string', value: 'DIR', help: 'the build context, for .dockerignore (default: the Dockerfile\'s folder)' },
    context: { type: 'string', value: 'DIR', deprecatedFor: 'build-context', help: '' },
    shellcheck: { type: 'string', value: 'PATH', help: 'the shellcheck binary (default: shellcheck on PATH, when there is one)' },
    'no-shellcheck': { type: 'boolean', help: 'no ShellCheck findings' },
    'no-color': { type: 'boolean', help: 'no colours in tty output (also NO_COLOR=1; never when piped)' },
    docker: { type: 'boolean', help: 'ask the Docker daemon about base images: their ENV (UndefinedVar) and platform' },
    jobs: { type: 'string', value: 'N', help: `lint on N threads (1: no worker threads); default: one per core from ${PARALLEL_FROM_FILES} files up on ${PARALLEL_FROM_CORES} cores or more, else 1; 1 with --docker` },
    'max-file-size': { type: 'string', value: 'SIZE', default: formatSize(DEFAULT_MAX_FILE_SIZE).replace(' ', ''), help: 'refuse bigger files: bytes, or with K, M or G (powers of 1024)' },
  },
  examples: ['shipshape lint .', 'shipshape lint --format sarif Dockerfile > shipshape.sarif', 'shipshape lint --format json - < Dockerfile'],
  exitCodes: '0 no finding reaches the threshold, 1 one does, 2 a usage error or a bad configuration.',
  async run(values, paths, io) {
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number of threads, 1 or more (got "${values.jobs}")`);
    const maxFileSize = parseSize(values['max-file-size']);
    if (maxFileSize === undefined) throw new UsageError(`--max-file-size takes a size such as 4MiB, 512K or 20000 (got "${values['max-file-size']}")`);
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
        maxFileSize,
        jobs,
        ...(values.docker ? { docker: { env: io.env } } : {}),
        readStdin: io.readStdin,
        warn: io.err,
        cwd: io.cwd,
      });
      io.out(output);
      return exitCode;
    } catch (error) {
      if (error instanceof LintInputError) {
        io.err(`shipshape lint: ${error.message}\n${error.tooBig ? 'hint: --max-file-size SIZE raises the limit\n' : ''}`);
        return EXIT.usage;
      }
      if (!(error instanceof ConfigError)) throw error;
      io.err(`shipshape lint: invalid configuration\n${error.problems.map(formatProblem).join('\n')}\n`);
      return EXIT.usage;
    }
  },
});
