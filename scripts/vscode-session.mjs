// Starts the VS Code server (from the code-server package) on loopback and, optionally, opens
// its workbench in headless Chromium. Shared by the extension-test runner, `npm start` and the
// screenshot helper so there is one way to bring up a real VS Code here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureVSCodeServer } from './vscode-server.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the VS Code server exited while starting');
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the VS Code server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Starts server-main.js. `settings` become the user settings; `env` is passed to the server
 * and so inherited by the extension host. Returns { url(folder, payload), log, stop() }.
 */
export async function startVSCodeServer({ settings = {}, env = {}, port, host = '127.0.0.1', quiet = true, installExtensions = [] } = {}) {
  const { serverMain, browser } = ensureVSCodeServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-vscode-'));
  const userDataDir = path.join(dataDir, 'user-data');
  const extensionsDir = path.join(dataDir, 'extensions');
  for (const dir of [path.join(userDataDir, 'User'), path.join(userDataDir, 'Machine'), extensionsDir]) fs.mkdirSync(dir, { recursive: true });
  const allSettings = { 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'update.mode': 'none', ...settings };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(allSettings, null, 2));
  fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(allSettings, null, 2));
  for (const vsix of installExtensions) {
    const installed = spawnSync(process.execPath, [serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--server-data-dir', userDataDir, '--accept-server-license-terms'], { encoding: 'utf8' });
    if (installed.status !== 0 || !/successfully installed/i.test(installed.stdout + installed.stderr)) {
      throw new Error(`installing ${vsix} into the VS Code server failed:\n${installed.stdout}${installed.stderr}`);
    }
  }
  port ??= await freePort();
  const logFile = path.join(dataDir, 'server.log');
  const logStream = fs.createWriteStream(logFile);
  const child = spawn(process.execPath, [
    serverMain, '--host', host, '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--user-data-dir', userDataDir, '--server-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry',
  ], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      logStream.write(chunk);
      if (!quiet) process.stderr.write(chunk);
    });
  }
  const base = `http://${host}:${port}`;
  await waitForHttp(`${base}/version`, 60_000, () => !exited);
  return {
    base,
    port,
    browser,
    dataDir,
    logFile,
    get exited() {
      return exited;
    },
    /** The workbench URL for a folder, with a dev-host payload (extension and tests paths). */
    url(folder, payload = []) {
      const q = new URLSearchParams({ folder });
      if (payload.length) q.set('payload', JSON.stringify(payload));
      return `${base}/?${q}`;
    },
    remote(p) {
      return `vscode-remote://${host}:${port}${p}`;
    },
    log() {
      return fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    },
    async stop() {
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await new Promise((r) => (exited ? r() : child.once('exit', r)));
      }
      logStream.end();
    },
  };
}

export async function openBrowser(executablePath, { viewport = { width: 1400, height: 860 } } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport });
  return { browser, page };
}
