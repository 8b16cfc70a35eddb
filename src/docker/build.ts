// Building a Dockerfile through the daemon's Engine API, with either builder: BuildKit (`version=2`, its
// progress decoded from `moby.buildkit.trace` messages) or the legacy builder (`Step N/M` lines, rm and
// forcerm so no intermediate container is left). No BuildKit session is opened: the context goes up as a
// tar (build-context.ts) and there are no secrets, SSH or registry logins to serve, which is all a session
// is for. Progress comes as log lines and steps mapped to the Dockerfile's lines; a failure is a
// BuildFailure with the builder's own message and the failing instruction's line; the signal cancels.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import semver from 'semver';
import { parseDockerfile, type DockerfileModel } from '../core/dockerfile/model';
import { buildkitStepInstruction, legacyStepInstruction, parseBuildkitStep, parseErrorLine, parseLegacyStep } from '../core/layers/build-steps';
import type { BuildRecord } from '../core/layers/types';
import { buildContextTar } from './build-context';
import { BUILDKIT_TRACE_ID, decodeBuildkitStatus } from './buildkit-status';
import { DockerClient, onDaemon } from './client';
import { daemonMessage } from './errors';

/** Every image Shipshape builds carries these labels: who built it, and from which Dockerfile (absolute path). */
export const BUILT_BY_LABEL = 'dev.shipshape.built-by';
export const DOCKERFILE_LABEL = 'dev.shipshape.dockerfile';

export type Builder = 'buildkit' | 'legacy';

export interface BuildOptions {
  dockerfile: string;
  context: string;
  tag: string;
  builder: 'auto' | Builder;
  buildArgs?: Record<string, string>;
  target?: string;
  /** More labels for the image (tests add theirs). */
  labels?: Record<string, string>;
}

export interface BuildStep {
  /** The builder's step number (1-based): legacy counts every instruction, BuildKit each stage's. */
  index: number;
  total: number | null;
  /** The instruction as the builder printed it, e.g. `RUN echo hi`. */
  text: string;
  /** 0-based line of the instruction in the Dockerfile, or null when it cannot be told. */
  line: number | null;
}

export interface BuildProgress {
  onLine?(line: string): void;
  onStep?(step: BuildStep): void;
  signal?: AbortSignal;
}

export interface BuildResult {
  imageId: string;
  tag: string;
  builder: Builder;
  record: BuildRecord;
}

/** A build that failed: the builder's message, the failing instruction's 0-based line (or null) and the whole log. */
export class BuildFailure extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly log: string,
  ) {
    super(message);
    this.name = 'BuildFailure';
  }
}

/** What a cancelled build rejects with. */
export class BuildCancelled extends Error {
  constructor() {
    super('the build was cancelled');
    this.name = 'AbortError';
  }
}

/** The daemon offers BuildKit over the Engine API from API 1.39 on Linux. */
export async function daemonOffersBuildkit(client: DockerClient): Promise<boolean> {
  const version = await onDaemon(client, (api) => api.version());
  const api = semver.coerce(version.ApiVersion);
  return version.Os === 'linux' && api !== null && semver.gte(api, '1.39.0');
}

/** The daemon refused `version=2` itself (old or non-Linux daemons), as opposed to a build that failed. */
class BuildkitRefused extends Error {}
const refusesBuildkit = (message: string) => /buildkit|builder version/i.test(message) && !/parse error/i.test(message);

export async function buildImage(client: DockerClient, options: BuildOptions, progress: BuildProgress = {}): Promise<BuildResult> {
  const dockerfile = path.resolve(options.dockerfile);
  const context = path.resolve(options.context);
  const text = await fs.readFile(dockerfile, 'utf8').catch((error: unknown) => {
    throw new BuildFailure(`cannot read the Dockerfile ${dockerfile}: ${(error as Error).message}`, null, '');
  });
  const model = parseDockerfile(text);
  const onLine = progress.onLine ?? (() => undefined);
  let builder: Builder = options.builder === 'auto' ? ((await daemonOffersBuildkit(client)) ? 'buildkit' : 'legacy') : options.builder;
  let imageId: string;
  try {
    imageId = await runBuild(client, { ...options, dockerfile, context }, text, model, builder, progress);
  } catch (error) {
    if (!(error instanceof BuildkitRefused)) throw error;
    if (options.builder !== 'auto') throw new BuildFailure(`the daemon refused a BuildKit build: ${error.message}; build with the legacy builder`, null, '');
    onLine(`the daemon refused a BuildKit build (${error.message}): building with the legacy builder`);
    builder = 'legacy';
    imageId = await runBuild(client, { ...options, dockerfile, context }, text, model, builder, progress);
  }
  const record: BuildRecord = { dockerfile, context, imageId, tag: options.tag, builder, builtAt: new Date().toISOString(), text };
  return { imageId, tag: options.tag, builder, record };
}

interface BuildState {
  log: string[];
  imageId: string | undefined;
  error: string | undefined;
  /** The line of the step running last (legacy) or of the vertex that failed (BuildKit). */
  failedLine: number | null;
  lastStepLine: number | null;
}

async function runBuild(client: DockerClient, options: BuildOptions, text: string, model: DockerfileModel, builder: Builder, progress: BuildProgress): Promise<string> {
  if (progress.signal?.aborted) throw new BuildCancelled();
  const tar = await buildContextTar(options.context, options.dockerfile, { dockerfileText: text });
  const controller = new AbortController();
  const cancel = () => controller.abort();
  progress.signal?.addEventListener('abort', cancel, { once: true });
  let contextError: Error | undefined;
  tar.stream.on('error', (error: Error) => {
    contextError = error;
    controller.abort();
  });
  const query = {
    t: options.tag,
    dockerfile: tar.dockerfile,
    ...(options.buildArgs ? { buildargs: options.buildArgs } : {}),
    ...(options.target ? { target: options.target } : {}),
    labels: { ...options.labels, [BUILT_BY_LABEL]: 'shipshape', [DOCKERFILE_LABEL]: options.dockerfile },
    rm: true,
    forcerm: true,
    version: builder === 'buildkit' ? '2' : '1',
  };
  const state: BuildState = { log: [], imageId: undefined, error: undefined, failedLine: null, lastStepLine: null };
  const onLine = (line: string) => {
    state.log.push(line);
    progress.onLine?.(line);
  };
  try {
    const response = await onDaemon(
      client,
      () =>
        new Promise<NodeJS.ReadableStream>((resolve, reject) =>
          client.api.modem.dial(
            { path: '/build?', method: 'POST', file: tar.stream, options: query, isStream: true, abortSignal: controller.signal, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } },
            (error, stream) => (error ? reject(error) : resolve(stream as NodeJS.ReadableStream)),
          ),
        ),
    );
    const read = builder === 'buildkit' ? buildkitReader(model, options.target, state, onLine, progress) : legacyReader(model, state, onLine, progress);
    for await (const line of readline.createInterface({ input: response, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      let message: DaemonMessage;
      try {
        message = JSON.parse(line) as DaemonMessage;
      } catch {
        onLine(line);
        continue;
      }
      if (message.error || message.errorDetail) state.error = (message.errorDetail?.message ?? message.error ?? '').trim();
      else read(message);
    }
  } catch (error) {
    if (contextError) throw contextError;
    if (progress.signal?.aborted) throw new BuildCancelled();
    const status = (error as { statusCode?: number }).statusCode;
    if (status === undefined) throw error;
    // The daemon answered the request with an error before building (a parse error, a bad parameter).
    const message = daemonMessage(error);
    if (builder === 'buildkit' && refusesBuildkit(message)) throw new BuildkitRefused(message);
    onLine(message);
    throw new BuildFailure(message, parseErrorLine(message), state.log.join('\n'));
  } finally {
    progress.signal?.removeEventListener('abort', cancel);
  }
  if (contextError) throw contextError;
  if (progress.signal?.aborted) throw new BuildCancelled();
  if (state.error !== undefined) {
    onLine(state.error);
    throw new BuildFailure(state.error, parseErrorLine(state.error) ?? state.failedLine ?? state.lastStepLine, state.log.join('\n'));
  }
  if (!state.imageId) state.imageId = ((await onDaemon(client, (api) => api.getImage(options.tag).inspect())) as { Id: string }).Id;
  return state.imageId;
}

interface DaemonMessage {
  stream?: string;
  status?: string;
  progress?: string;
  id?: string;
  aux?: unknown;
  error?: string;
  errorDetail?: { message?: string };
}

type Reader = (message: DaemonMessage) => void;

/** What a build or pull progress message says, as a person reads it: its stream text, or `id status progress`. */
export function progressText(message: Pick<DaemonMessage, 'stream' | 'id' | 'status' | 'progress'>): string {
  return message.stream ?? [message.id, message.status, message.progress].filter(Boolean).join(' ');
}

function legacyReader(model: DockerfileModel, state: BuildState, onLine: (line: string) => void, progress: BuildProgress): Reader {
  return (message) => {
    const aux = message.aux as { ID?: string } | undefined;
    if (aux?.ID) state.imageId = aux.ID;
    for (const line of progressText(message).split('\n')) {
      if (!line.trim()) continue;
      onLine(line.trimEnd());
      const step = parseLegacyStep(line.trimEnd());
      if (!step) continue;
      const instruction = legacyStepInstruction(model, step.index);
      state.lastStepLine = instruction?.range.start.line ?? null;
      progress.onStep?.({ index: step.index, total: step.total, text: step.text, line: state.lastStepLine });
    }
  };
}

function buildkitReader(model: DockerfileModel, target: string | undefined, state: BuildState, onLine: (line: string) => void, progress: BuildProgress): Reader {
  const started = new Set<string>();
  const done = new Set<string>();
  const lineOf = (name: string) => {
    const step = parseBuildkitStep(name);
    return { step, line: step ? (buildkitStepInstruction(model, step, target)?.range.start.line ?? null) : null };
  };
  return (message) => {
    if (message.id === 'moby.image.id') {
      state.imageId = (message.aux as { ID?: string }).ID;
      return;
    }
    if (message.id !== BUILDKIT_TRACE_ID || typeof message.aux !== 'string') {
      const text = progressText(message);
      if (text.trim()) onLine(text.trimEnd());
      return;
    }
    const status = decodeBuildkitStatus(message.aux);
    for (const vertex of status.vertexes) {
      if (vertex.started && !started.has(vertex.digest)) {
        started.add(vertex.digest);
        onLine(`${vertex.cached ? 'CACHED ' : ''}${vertex.name}`);
        const { step, line } = lineOf(vertex.name);
        if (step) progress.onStep?.({ index: step.index, total: step.total, text: step.text, line });
      }
      if (vertex.error && !done.has(vertex.digest)) {
        onLine(`ERROR ${vertex.name}: ${vertex.error}`);
        const { line } = lineOf(vertex.name);
        if (line !== null || state.failedLine === null) state.failedLine = line;
      }
      if (vertex.completed) done.add(vertex.digest);
    }
    for (const log of status.logs) for (const line of log.text.split('\n')) if (line.trim()) onLine(line.trimEnd());
    for (const warning of status.warnings) onLine(`WARNING: ${warning.text.trim()}`);
  };
}
