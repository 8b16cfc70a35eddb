// Runs the bundled CLI (dist/cli.js) as a user does, in a folder of real files.
import assert from 'node:assert/strict';
import AjvDraft04 from 'ajv-draft-04';
import { SpawnSyncReturns, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const cliPath = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const cli = cliPath;

export function shipshape(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000, cwd: options.cwd, input: options.input, env: options.env ?? { ...process.env, NO_COLOR: '1' } });
}

/** A new temporary folder holding these files (text or bytes), by relative path. */
export function project(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Checks a SARIF log against the official SARIF 2.1.0 schema. */
export function assertValidSarif(log: unknown): void {
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  // The schema has a pattern valid only without the u flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}
