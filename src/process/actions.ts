// Runs a pack's actions. An argv command is spawned directly, never through a shell (execFile's
// semantics; spawned so its output streams line by line and its whole process group can be killed);
// a `script:` command runs with /bin/sh -c only in a trusted workspace. Every command gets the
// endpoint Shipshape uses (DOCKER_HOST or DOCKER_CONTEXT in its environment; the argv is never
// rewritten), runs in the pack's folder, and is killed with its process group at its timeout.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describeCommand, type ActionOutcome, type ActionRunner, type CommandOutcome } from '../core/labs/actions';
import type { Action, Command } from '../core/labs/pack';
import type { DockerEndpoint } from '../docker/endpoint';

export { describeAction, describeCommand } from '../core/labs/actions';

export interface ActionOptions {
  trusted: boolean;
  /** The pack's root: commands run here. */
  cwd: string;
  /** The daemon Shipshape talks to (resolveEndpoint): docker commands are pointed at it. */
  endpoint?: DockerEndpoint;
  /** The environment to start from (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Each line of output as it comes: the editor's output channel, or the CLI's stderr. */
  onLine?: (line: string, from: { stream: 'stdout' | 'stderr'; command: string }) => void;
}

/** Output kept per command (the sink sees all of it). */
const KEPT_OUTPUT = 64 * 1024;
/** After the command exits, how long its output may still take to close (a child it left behind may hold it). */
const CLOSE_GRACE_MS = 500;

/** The environment that makes the docker CLI use the same daemon as Shipshape. */
export function endpointEnv(endpoint: DockerEndpoint | undefined, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...base };
  if (!endpoint) return env;
  if (endpoint.source === 'context' && endpoint.context) {
    delete env.DOCKER_HOST;
    env.DOCKER_CONTEXT = endpoint.context;
    return env;
  }
  delete env.DOCKER_CONTEXT;
  env.DOCKER_HOST = endpoint.host;
  if (endpoint.tls?.ca) {
    env.DOCKER_CERT_PATH = path.dirname(endpoint.tls.ca);
    if (endpoint.tls.verify) env.DOCKER_TLS_VERIFY = '1';
    else delete env.DOCKER_TLS_VERIFY;
  }
  return env;
}

function runCommand(command: Command, timeoutMs: number, options: ActionOptions, env: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  const shown = describeCommand(command);
  const [file, ...args] = command.kind === 'argv' ? command.argv : ['/bin/sh', '-c', command.script];
  const started = Date.now();
  return new Promise((resolve) => {
    // detached: its own process group, so a timeout kills what it started too.
    const child = spawn(file!, args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let problem: string | undefined;
    let exitCode: number | null = null;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    const timer = setTimeout(() => {
      problem = `timed out after ${timeoutMs / 1000} s (killed)`;
      killGroup();
    }, timeoutMs);
    for (const stream of ['stdout', 'stderr'] as const) {
      let partial = '';
      child[stream].on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (output.length < KEPT_OUTPUT) output += text.slice(0, KEPT_OUTPUT - output.length);
        const lines = (partial + text).split('\n');
        partial = lines.pop()!;
        for (const line of lines) options.onLine?.(line, { stream, command: shown });
      });
      child[stream].on('end', () => partial && options.onLine?.(partial, { stream, command: shown }));
    }
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!problem && exitCode !== 0) problem = exitCode === null ? 'was killed' : `exited with code ${exitCode}`;
      resolve({ command: shown, exitCode: problem?.startsWith('timed out') ? null : exitCode, output, ms: Date.now() - started, ...(problem ? { problem } : {}) });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      problem = error.code === 'ENOENT' ? `could not start: ${file} was not found (is it installed and on PATH?)` : `could not start: ${error.message}`;
      finish();
    });
    child.on('exit', (code) => {
      exitCode = code;
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, CLOSE_GRACE_MS).unref();
    });
    child.on('close', finish);
  });
}

/** Runs the action's commands in order, stopping at the first that fails. */
export async function runAction(action: Action, what: string, options: ActionOptions): Promise<ActionOutcome> {
  const script = action.commands.find((c) => c.kind === 'script');
  if (script && !options.trusted) {
    const where = `${script.at.file}:${script.at.line}:${script.at.column}`;
    return { ok: false, commands: [], heldBack: `held back: ${what} has a shell script (${where}), which runs only in a trusted workspace; nothing of it ran. Trust the workspace to run it.` };
  }
  const env = endpointEnv(options.endpoint, options.env ?? process.env);
  const commands: CommandOutcome[] = [];
  for (const command of action.commands) {
    const outcome = await runCommand(command, action.timeoutMs, options, env);
    commands.push(outcome);
    if (outcome.problem) return { ok: false, commands };
  }
  return { ok: true, commands };
}

export class ProcessActionRunner implements ActionRunner {
  constructor(private readonly options: ActionOptions) {}

  run(action: Action, what: string): Promise<ActionOutcome> {
    return runAction(action, what, this.options);
  }
}
