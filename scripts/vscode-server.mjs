// Installs, on demand, the VS Code server that ships inside the `code-server` npm package,
// plus what driving it needs here (Debian's chromium, ripgrep, libkrb5-dev for a native build).
// Used by the extension-test runner, the demo (`npm start`) and the screenshot helper.
// Offline: @vscode/ripgrep's postinstall would download rg, so its cache is seeded from Debian's rg.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3, the newest code-server for Node 20
const RIPGREP_PACKAGES = ['1.15.11']; // the @vscode/ripgrep versions that code-server pulls in
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.resolve(process.env.SHIPSHAPE_VSCODE_CACHE || path.join(root, '.vscode-test'));
const installDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const packageDir = path.join(installDir, 'node_modules', 'code-server');
export const serverMain = path.join(packageDir, 'lib', 'vscode', 'out', 'server-main.js');
export const codeServerBin = path.join(packageDir, 'out', 'node', 'entry.js');
/** VS Code's built-in extensions (their grammars: docker/syntaxes, shellscript/syntaxes, …). */
export const builtinExtensionsDir = path.join(packageDir, 'lib', 'vscode', 'extensions');

function log(message) {
  process.stderr.write(`vscode-server: ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with ${result.error ?? `exit ${result.status}`}`);
  }
}

function debInstalled(pkg) {
  return spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;
}

export function aptEnsure(packages) {
  const missing = packages.filter((p) => !debInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || spawnSync('which', ['apt-get']).status !== 0) {
    throw new Error(`missing system packages: ${missing.join(' ')}; install them (Debian: apt-get install ${missing.join(' ')})`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const first = spawnSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: 'ignore', env });
  if (first.status !== 0) {
    run('apt-get', ['update', '-q'], { env, stdio: 'ignore' });
    run('apt-get', ['install', '-y', '-q', ...missing], { env, stdio: 'ignore' });
  }
}

export function chromiumPath() {
  const candidates = [process.env.SHIPSHAPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c) => c && fs.existsSync(c));
}

function seedRipgrepCache() {
  const rg = spawnSync('which', ['rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) not found; install it (Debian: apt-get install ripgrep)');
  const seed = fs.mkdtempSync(path.join(os.tmpdir(), 'rgseed-'));
  fs.copyFileSync(rg, path.join(seed, 'rg'));
  for (const version of RIPGREP_PACKAGES) {
    const dir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${version}`);
    fs.mkdirSync(dir, { recursive: true });
    const tarball = path.join(dir, RIPGREP_ASSET);
    if (!fs.existsSync(tarball)) run('tar', ['czf', tarball, '-C', seed, 'rg']);
  }
  fs.rmSync(seed, { recursive: true, force: true });
}

/** Returns paths to a working VS Code server and browser, installing what is missing. */
export function ensureVSCodeServer() {
  if (process.platform === 'linux' && fs.existsSync('/etc/debian_version')) {
    aptEnsure(['chromium', 'ripgrep', 'libkrb5-dev']);
  }
  const browser = chromiumPath();
  if (!browser) throw new Error('no Chromium found; install it or set SHIPSHAPE_CHROMIUM');
  ensureVSCodeServerFiles();
  return { serverMain, codeServerBin, browser, version: CODE_SERVER_VERSION };
}

/** The server's files only (no browser): what the grammar tests read its built-in grammars from. */
export function ensureVSCodeServerFiles() {
  if (!fs.existsSync(serverMain)) {
    // The install builds a native module (libkrb5-dev) and seeds ripgrep's download from Debian's rg.
    if (process.platform === 'linux' && fs.existsSync('/etc/debian_version')) aptEnsure(['ripgrep', 'libkrb5-dev']);
    log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (a few minutes, once)`);
    seedRipgrepCache();
    fs.mkdirSync(installDir, { recursive: true });
    fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'shipshape-vscode-server', private: true }));
    const env = { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_foreground_scripts: 'false' };
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--dangerously-allow-all-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: installDir, env });
    if (!fs.existsSync(serverMain)) throw new Error(`code-server installed but ${serverMain} is missing`);
  }
  return { serverMain, builtinExtensionsDir, version: CODE_SERVER_VERSION };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const found = ensureVSCodeServer();
    log(`ready: ${found.serverMain} (browser ${found.browser})`);
  } catch (error) {
    log(`error: ${error.message}`);
    process.exit(1);
  }
}
