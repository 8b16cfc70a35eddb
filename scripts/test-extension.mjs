// Runs test/extension inside a real VS Code. On a desktop: @vscode/test-electron. Here (no
// display, no download): the VS Code server from code-server, opened in headless Chromium.
// The verdict is the results file the tests write; a missing file, a failing test, a crashed
// extension host or a timeout all fail the run (the server's exit code cannot be trusted).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, startVSCodeServer } from './vscode-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testsEntry = path.join(root, 'out', 'test', 'extension', 'index.js');
const timeoutMs = Number(process.env.SHIPSHAPE_EXTENSION_TEST_TIMEOUT ?? 300_000);

function hostKind() {
  const wanted = process.env.SHIPSHAPE_VSCODE ?? 'auto';
  if (wanted !== 'auto') return wanted;
  const desktop = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return desktop && !process.env.CI ? 'electron' : 'server';
}

function prepareWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ws-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'sample-workspace'), dir, { recursive: true });
  return dir;
}

async function waitForFile(file, deadline, isAlive) {
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return true;
    if (!isAlive()) return fs.existsSync(file);
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * The extension host's environment: where to write results, and a DOCKER_CONFIG of its own (empty: the
 * default socket) so the context tests can write config.json and contexts without touching ~/.docker.
 */
function testEnv(resultsFile) {
  return { SHIPSHAPE_TEST_RESULTS: resultsFile, DOCKER_CONFIG: fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-docker-config-')) };
}

async function runUnderServer(resultsFile, workspace) {
  const server = await startVSCodeServer({ env: testEnv(resultsFile) });
  console.log(`VS Code server ${server.base} (log: ${server.logFile})`);
  const { browser, page } = await openBrowser(server.browser);
  const relay = (line) => {
    if (/^\[Extension Host\]|shipshape|Error|error/i.test(line) && !/favicon|ServiceWorker|ERR_CONNECTION_REFUSED|net::|Long running operations/.test(line)) console.log(`  [browser] ${line}`);
  };
  page.on('console', (m) => relay(m.text()));
  page.on('pageerror', (e) => console.log(`  [browser] page error: ${e.message}`));
  try {
    const url = server.url(workspace, [
      ['extensionDevelopmentPath', server.remote(root)],
      ['extensionTestsPath', server.remote(testsEntry)],
    ]);
    await page.goto(url);
    // The host may exit before writing results (crash, load failure): stop waiting a moment after.
    let hostExitedAt;
    const alive = () => {
      if (server.exited) return false;
      if (hostExitedAt === undefined && /Extension Host Process exited/.test(server.log())) hostExitedAt = Date.now();
      return hostExitedAt === undefined || Date.now() - hostExitedAt < 3000;
    };
    const found = await waitForFile(resultsFile, Date.now() + timeoutMs, alive);
    if (!found) {
      const tail = server.log().split('\n').slice(-30).join('\n');
      throw new Error(`no results from the extension host (it exited or ${timeoutMs / 1000} s passed); server log tail:\n${tail}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

async function runUnderElectron(resultsFile, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: testsEntry,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: testEnv(resultsFile),
  }).catch((error) => {
    // A failing test makes VS Code exit non-zero; the results file says which.
    if (!fs.existsSync(resultsFile)) throw error;
  });
}

export async function runExtensionTests() {
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-results-')), 'extension.json');
  const workspace = prepareWorkspace();
  const kind = hostKind();
  console.log(`extension tests: real VS Code via ${kind === 'electron' ? '@vscode/test-electron' : 'the VS Code server + headless Chromium'}`);
  if (kind === 'electron') await runUnderElectron(resultsFile, workspace);
  else await runUnderServer(resultsFile, workspace);
  return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
}

export function printResults(results) {
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'pending' ? '-' : '✗';
    console.log(`  ${mark} ${t.title}${t.durationMs != null ? ` (${t.durationMs} ms)` : ''}`);
    if (t.error) console.log(t.error.split('\n').map((l) => `      ${l}`).join('\n'));
  }
  if (results.fatal) console.log(`  ✗ the extension test run broke: ${results.fatal}`);
  console.log(`  ${results.passed} passing, ${results.failed} failing, ${results.pending} pending`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runExtensionTests().then(
    (results) => {
      printResults(results);
      process.exitCode = results.failed > 0 || results.fatal || results.passed === 0 ? 1 : 0;
    },
    (error) => {
      console.error(`extension tests failed to run: ${error.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
