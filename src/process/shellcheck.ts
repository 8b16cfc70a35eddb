// Finds and runs a `shellcheck` binary for the linter (the CLI and the editor share this).
// One process per Dockerfile: its RUN scripts are written to a private temp folder and passed as
// file arguments, never through a shell.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHELLCHECK_EXCLUDED, ShellcheckComment, ShellcheckRunner } from '../core/lint/shellcheck';

/** `setting`: '' looks on PATH, 'off' disables, anything else is a path to the binary. */
export function findShellcheck(setting: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (setting === 'off') return undefined;
  if (setting) return fs.existsSync(setting) ? setting : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, process.platform === 'win32' ? 'shellcheck.exe' : 'shellcheck');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function shellcheckRunner(binary: string, timeoutMs = 20_000): ShellcheckRunner {
  return async (scripts) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-'));
    try {
      const files = scripts.map((s, i) => {
        const file = path.join(dir, `run${i}.sh`);
        fs.writeFileSync(file, s.text);
        return file;
      });
      const args = ['--format=json1', '--norc', `--exclude=${SHELLCHECK_EXCLUDED.join(',')}`, ...files];
      const stdout = await new Promise<string>((resolve, reject) => {
        // ShellCheck exits 1 when it has comments: only a missing or unparsable output is a failure.
        execFile(binary, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
          if (out.trim().startsWith('{')) resolve(out);
          else if (error?.killed) reject(new Error(`shellcheck (${binary}) timed out after ${timeoutMs} ms`));
          else reject(new Error(`shellcheck (${binary}) failed: ${err.trim() || (error ? error.message : 'no output')}`));
        });
      });
      const parsed = JSON.parse(stdout) as { comments: (ShellcheckComment & { file: string })[] };
      return files.map((f) => parsed.comments.filter((c) => path.resolve(c.file) === f));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
