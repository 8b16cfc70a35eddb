// Entry point loaded by the extension host (`extensionTestsPath`): runs the mocha suites in
// ./suite with the real `vscode` API and writes a results file for the runner outside.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { TestOutcome, TestResults } from '../support/results';

function writeResults(results: TestResults): void {
  const file = process.env.SHIPSHAPE_TEST_RESULTS;
  if (!file) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file); // atomic: the runner never reads half a file
}

export async function run(): Promise<void> {
  const results: TestResults = { suite: process.env.SHIPSHAPE_TEST_RESTRICTED === '1' ? 'extension (restricted)' : 'extension', passed: 0, failed: 0, pending: 0, tests: [] };
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    const dir = path.join(__dirname, 'suite');
    const only = process.env.SHIPSHAPE_TEST_GREP;
    if (only) mocha.grep(only);
    // *.restricted.test.js run only in the second VS Code, the one with Workspace Trust on (Restricted Mode).
    const restricted = process.env.SHIPSHAPE_TEST_RESTRICTED === '1';
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js') && f.endsWith('.restricted.test.js') === restricted);
    for (const file of files.sort()) mocha.addFile(path.join(dir, file));
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      const record = (test: Mocha.Test, state: TestOutcome['state'], error?: Error) =>
        results.tests.push({ title: test.fullTitle(), state, durationMs: test.duration, error: error ? (error.stack ?? error.message) : undefined });
      runner.on('pass', (t) => (results.passed++, record(t, 'passed')));
      runner.on('pending', (t) => (results.pending++, record(t, 'pending')));
      runner.on('fail', (t, err) => {
        results.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) });
      });
    });
  } catch (error) {
    results.fatal = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  writeResults(results);
  if (results.fatal) throw new Error(results.fatal);
  if (results.failed > 0) throw new Error(`${results.failed} extension test(s) failed`);
}
