// The lint setup's host on this machine: files through node:fs, ShellCheck as a child process.
import fs from 'node:fs';
import os from 'node:os';
import type { LintHost } from '../core/lint/setup';
import { findShellcheck, shellcheckRunner } from './shellcheck';

export function nodeLintHost(options: { env?: NodeJS.ProcessEnv; shellcheckTimeoutMs?: number } = {}): LintHost {
  const env = options.env ?? process.env;
  return {
    exists: (file) => fs.existsSync(file),
    read: (file) => fs.readFileSync(file, 'utf8'),
    home: os.homedir(),
    xdgConfigHome: env.XDG_CONFIG_HOME,
    shellcheck: (setting) => {
      const binary = findShellcheck(setting, env);
      return binary ? shellcheckRunner(binary, options.shellcheckTimeoutMs) : undefined;
    },
  };
}
