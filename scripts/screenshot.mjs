// Packages the extension, installs the .vsix into the VS Code server with --install-extension,
// opens the Shipshape view in headless Chromium and saves a screenshot. Fails unless the
// Containers view shows the containers it expects, so it doubles as a packaging check.
//   node scripts/screenshot.mjs [--out media/containers-view.png] [--vsix shipshape.vsix]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBrowser, startVSCodeServer } from './vscode-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LABEL = 'dev.shipshape.demo';

export function docker(...args) {
  const r = spawnSync(fs.existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** A few labelled demo containers so the view has something real to show. */
export function startDemoContainers(suffix) {
  const names = [`web-${suffix}`, `worker-${suffix}`, `job-${suffix}`];
  docker('run', '-d', '--name', names[0], '--label', LABEL, '--memory', '64m', '--cpus', '0.5', '-p', '127.0.0.1::8080', 'busybox:latest', 'httpd', '-f', '-p', '8080');
  docker('run', '-d', '--name', names[1], '--label', LABEL, 'busybox:latest', 'sleep', '3600');
  docker('run', '--name', names[2], '--label', LABEL, 'busybox:latest', 'true');
  return names;
}

export async function captureContainersView({ vsix, out, expect, expand }) {
  const server = await startVSCodeServer({ installExtensions: [vsix] });
  const { browser, page } = await openBrowser(server.browser);
  try {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-shot-'));
    fs.cpSync(path.join(root, 'test', 'fixtures', 'sample-workspace'), workspace, { recursive: true });
    await page.goto(server.url(workspace));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.locator('.activitybar [aria-label^="Shipshape"]').first().click({ timeout: 30_000 });
    for (const name of expect) {
      await page.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
    }
    if (expand) {
      // The Labs view is empty for now: collapsed, it leaves the sidebar's height to the Containers view.
      await page.locator('.pane-header', { hasText: 'Labs' }).first().click({ timeout: 30_000 });
      // Open one container's Resources (cgroup) and Namespaces sections: read from the real cgroup and /proc files.
      await page.locator('.monaco-list-row', { hasText: expand }).first().click();
      await page.locator('.monaco-list-row', { hasText: 'Namespaces' }).first().click({ timeout: 30_000 });
      await page.locator('.monaco-list-row', { hasText: /private · \d+/ }).first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-list-row', { hasText: 'Resources (cgroup)' }).first().click({ timeout: 30_000 });
      await page.locator('.monaco-list-row', { hasText: 'memory limit' }).first().waitFor({ timeout: 30_000 });
      // The first live sample (CPU, memory, pids) arrives within a second or two.
      await page.locator('.monaco-list-row', { hasText: /% CPU · / }).first().waitFor({ timeout: 15_000 }).catch(() => {});
    }
    // Open the sample Dockerfile beside the view, and move the pointer off any tooltip.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('Dockerfile');
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'FROM busybox' }).first().waitFor({ timeout: 30_000 });
    await page.mouse.move(900, 700);
    await page.waitForTimeout(800);
    await page.screenshot({ path: out });
    return out;
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'media', 'containers-view.png') }, vsix: { type: 'string' } } });
  let vsix = values.vsix;
  if (!vsix) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
    vsix = path.join(root, 'shipshape.vsix');
  }
  const names = startDemoContainers(Math.random().toString(36).slice(2, 6));
  try {
    console.log(`saved ${await captureContainersView({ vsix, out: values.out, expect: names, expand: names[0] })}`);
  } catch (error) {
    console.error(`screenshot: ${error.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    docker('rm', '-f', ...names);
  }
}
