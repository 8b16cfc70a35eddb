// A pack's actions (setup, solve, cleanup) as core sees them: the runner that runs them is
// src/process/actions.ts; what a person is shown before anything runs is written here, once.
import { quote } from 'shell-quote';
import type { Action } from './pack';

export interface CommandOutcome {
  /** The command as shown to the person (describeCommand). */
  command: string;
  /** null when it was killed (timeout) or could not start. */
  exitCode: number | null;
  output: string;
  ms: number;
  /** Why it did not succeed, in words: "timed out after 30 s", "docker: not found". */
  problem?: string;
}

export interface ActionOutcome {
  ok: boolean;
  /** The commands that ran, in order; the action stops at the first that fails. */
  commands: CommandOutcome[];
  /** Set when nothing ran because the workspace is not trusted: what was held back and why. */
  heldBack?: string;
}

/** Runs a pack's actions; src/process/actions.ts implements it, tests fake it. */
export interface ActionRunner {
  run(action: Action, what: string): Promise<ActionOutcome>;
}

/** One command as a person reads it: an argv quoted as a shell would need it, a script as written. */
export function describeCommand(command: Action['commands'][number]): string {
  return command.kind === 'argv' ? quote(command.argv) : `sh -c <<'SCRIPT'\n${command.script.replace(/\n$/, '')}\nSCRIPT`;
}

/** The exact text shown before an action runs (the trust prompt, the output channel, the CLI). */
export function describeAction(action: Action, what: string): string {
  const seconds = action.timeoutMs / 1000;
  const lines = [`${what} runs ${action.commands.length === 1 ? 'this command' : `these ${action.commands.length} commands`}, in order, each for at most ${seconds} s:`];
  for (const command of action.commands) lines.push(...describeCommand(command).split('\n').map((l, i) => (i ? `    ${l}` : `  $ ${l}`)));
  if (action.commands.some((c) => c.kind === 'script')) lines.push('A shell script runs only in a trusted workspace.');
  return lines.join('\n');
}

/** The result of an action in one line: which command failed and how, or that all of them ran. */
export function actionSummary(outcome: ActionOutcome, what: string): string {
  if (outcome.heldBack) return `${what}: ${outcome.heldBack}`;
  const failed = outcome.commands.find((c) => c.problem);
  if (!failed) return `${what}: ${outcome.commands.length} command${outcome.commands.length === 1 ? '' : 's'} ran`;
  return `${what}: ${failed.command.split('\n')[0]} ${failed.problem}`;
}
