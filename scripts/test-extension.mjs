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
  const source = path.join(root, 'test', 'fixtures', 'sample-workspace');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-ws-'));
  fs.cpSync(source, dir, { recursive: true });
  // The copy lives elsewhere: the packs its settings list relative to the fixture must stay found.
  const settingsFile = path.join(dir, '.vscode', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings['shipshape.labs.packs'] = (settings['shipshape.labs.packs'] ?? []).map((p) => path.resolve(source, p));
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
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
function testEnv(resultsFile, restricted) {
  return { SHIPSHAPE_TEST_RESULTS: resultsFile, SHIPSHAPE_TEST_RESTRICTED: restricted ? '1' : '0', DOCKER_CONFIG: fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-docker-config-')) };
}

/** Restricted: Workspace Trust on and the folder not trusted (no start-up prompt), so it opens in Restricted Mode. */
const RESTRICTED_SETTINGS = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' };

async function runUnderServer(resultsFile, workspace, restricted) {
  const server = await startVSCodeServer({ env: testEnv(resultsFile, restricted), settings: restricted ? RESTRICTED_SETTINGS : {} });
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

async function runUnderElectron(resultsFile, workspace, restricted) {
  const { runTests } = await import('@vscode/test-electron');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: testsEntry,
    launchArgs: [workspace, '--disable-extensions', ...(restricted ? [] : ['--disable-workspace-trust'])],
    extensionTestsEnv: testEnv(resultsFile, restricted),
  }).catch((error) => {
    // A failing test makes VS Code exit non-zero; the results file says which.
    if (!fs.existsSync(resultsFile)) throw error;
  });
}

/** One VS Code: the suites (restricted: the *.restricted suites in Restricted Mode). */
async function runPass(kind, restricted) {
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-results-')), 'extension.json');
  const workspace = prepareWorkspace();
  if (kind === 'electron') await runUnderElectron(resultsFile, workspace, restricted);
  else await runUnderServer(resultsFile, workspace, restricted);
  return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
}

/** Two passes: the suites in a trusted workspace, then the *.restricted ones in an untrusted one (skipped when SHIPSHAPE_TEST_GREP matches none of them). */
export async function runExtensionTests() {
  const kind = hostKind();
  console.log(`extension tests: real VS Code via ${kind === 'electron' ? '@vscode/test-electron' : 'the VS Code server + headless Chromium'}`);
  const grep = process.env.SHIPSHAPE_TEST_GREP;
  const restrictedWanted = !grep || /restricted|untrusted|labs/i.test(grep);
  const results = await runPass(kind, false);
  if (!restrictedWanted) return results;
  console.log('extension tests: second VS Code, Workspace Trust on, the folder untrusted (Restricted Mode)');
  const restricted = await runPass(kind, true);
  return {
    suite: 'extension',
    passed: results.passed + restricted.passed,
    failed: results.failed + restricted.failed,
    pending: results.pending + restricted.pending,
    tests: [...results.tests, ...restricted.tests],
    ...(results.fatal || restricted.fatal ? { fatal: [results.fatal, restricted.fatal].filter(Boolean).join('\n') } : {}),
  };
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
