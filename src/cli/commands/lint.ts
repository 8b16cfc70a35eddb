// `shipshape lint`: the editor's linter for CI. Same engine, same configuration files.
import path from 'node:path';
import { parseDockerfile } from '../../core/dockerfile/model';
import { baseImageReferences } from '../../core/dockerfile/variables';
import { Threshold } from '../../core/lint/config';
import { Linter } from '../../core/lint/engine';
import { DEFAULT_MAX_FILE_SIZE, DOCKERFILE_PATTERNS, LintInputError, formatSize, loadDockerfiles, parseSize } from '../../core/lint/files';
import { FileResult, formatters } from '../../core/lint/formats';
import { ConfigError, formatProblem } from '../../core/lint/hadolint-config';
import { LintSetup } from '../../core/lint/setup';
import { FAILURE_THRESHOLDS, SEVERITY_RANK } from '../../core/lint/types';
import { version } from '../../../package.json';
import { createDockerClient } from '../../docker/client';
import { daemonMessage } from '../../docker/errors';
import { ImagePlatforms } from '../../docker/images';
import { nodeLintHost } from '../../process/lint-host';
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
  /** `--docker`: the environment that says which daemon to ask about base images (DOCKER_HOST, DOCKER_CONTEXT…). */
  docker?: { env: NodeJS.ProcessEnv };
  readStdin: () => Promise<Uint8Array>;
  /** Notes for stderr: files skipped in a folder. */
  warn: (text: string) => void;
  cwd: string;
}


export async function runLint(options: LintCommandOptions): Promise<{ output: string; exitCode: number }> {
  const formatter = formatters[options.format]!;
  if (options.paths.length === 0) throw new UsageError('name at least one Dockerfile or folder (or - for standard input)');
  const { inputs, skipped } = await loadDockerfiles(options.paths, { cwd: options.cwd, maxFileSize: options.maxFileSize, readStdin: options.readStdin });
  for (const { shown, reason } of skipped) options.warn(`shipshape lint: skipped ${shown}: ${reason}\n`);
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
  if (options.shellcheck && options.shellcheck !== 'off' && !setup.shellcheck) throw new UsageError(`--shellcheck ${options.shellcheck}: no such file`);
  for (const warning of setup.warnings) options.warn(`shipshape lint: warning: --ignore ${warning}\n`);
  const warned = new Set<string>();
  const warnOnce = (text: string) => {
    if (!warned.has(text)) options.warn(text);
    warned.add(text);
  };
  let images = options.docker ? await daemonImages(options.docker.env, options.warn) : undefined;
  const results: FileResult[] = [];
  let failed = false;
  for (const { file, shown, text } of inputs) {
    const isStdin = file === '-';
    const fileSetup = setup.forDockerfile(isStdin ? undefined : file, isStdin ? options.cwd : path.dirname(file));
    const errors = fileSetup.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new ConfigError(errors);
    for (const p of fileSetup.problems) warnOnce(`shipshape lint: warning: ${formatProblem(p)}\n`);
    if (images) {
      // Asked before the lint (one inspect per image, remembered for the next files) so one lint sees the answers.
      try {
        await images.lookup(baseImageReferences(parseDockerfile(text), images.localImages.defaultPlatform));
      } catch (error) {
        options.warn(dockerWarning(error));
        images = undefined;
      }
    }
    const { findings, shellcheckFailure } = await fileSetup.lint(text, { localImages: images?.localImages });
    if (shellcheckFailure) warnOnce(`shipshape lint: warning: ${shellcheckFailure}; ShellCheck's findings are missing, the other rules ran\n`);
    const config = fileSetup.config;
    results.push({ file: shown, ...(isStdin ? {} : { path: file }), findings });
    const threshold = config.failureThreshold;
    if (!config.noFail && threshold !== 'none' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold])) failed = true;
  }
  const output = formatter({ results, meta: (id) => linter.meta(id), toolVersion: version, color: options.color, cwd: options.cwd });
  return { output, exitCode: failed ? EXIT.failed : EXIT.ok };
}

/** The daemon's base images, or undefined (after one warning) when it cannot be asked: the lint goes on without. */
async function daemonImages(env: NodeJS.ProcessEnv, warn: (text: string) => void): Promise<ImagePlatforms | undefined> {
  try {
    const images = new ImagePlatforms(createDockerClient({ env }));
    await images.lookup([]); // asks the daemon's platform, which also says whether it answers
    return images;
  } catch (error) {
    warn(dockerWarning(error));
    return undefined;
  }
}

function dockerWarning(error: unknown): string {
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
    'max-file-size': { type: 'string', value: 'SIZE', default: formatSize(DEFAULT_MAX_FILE_SIZE).replace(' ', ''), help: 'refuse bigger files: bytes, or with K, M or G (powers of 1024)' },
  },
  examples: ['shipshape lint .', 'shipshape lint --format sarif Dockerfile > shipshape.sarif', 'shipshape lint --format json - < Dockerfile'],
  exitCodes: '0 no finding reaches the threshold, 1 one does, 2 a usage error or a bad configuration.',
  async run(values, paths, io) {
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
