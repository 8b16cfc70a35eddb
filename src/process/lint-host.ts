// The lint setup's host on this machine: files through node:fs, ShellCheck as a child process.
import fs from 'node:fs';
import os from 'node:os';
import type { LintHost } from '../core/lint/setup';
import type { BatchLimits } from '../core/lint/shellcheck-batches';
import { findShellcheck, shellcheckRunner } from './shellcheck';

export interface NodeLintHostOptions {
  env?: NodeJS.ProcessEnv;
  shellcheckTimeoutMs?: number;
  /** ShellCheck's batching: processes at once (default: the cores), scripts per process, answers kept. */
  shellcheckLimits?: Partial<BatchLimits>;
}

export function nodeLintHost(options: NodeLintHostOptions = {}): LintHost {
  const env = options.env ?? process.env;
  return {
    exists: (file) => fs.existsSync(file),
    read: (file) => fs.readFileSync(file, 'utf8'),
    home: os.homedir(),
    xdgConfigHome: env.XDG_CONFIG_HOME,
    shellcheck: (setting) => {
      const binary = findShellcheck(setting, env);
      return binary ? shellcheckRunner(binary, { timeoutMs: options.shellcheckTimeoutMs, limits: options.shellcheckLimits }) : undefined;
    },
  };
}
