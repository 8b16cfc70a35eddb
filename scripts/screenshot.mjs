// Packages the extension, installs the .vsix into the VS Code server with --install-extension,
// opens the Shipshape view in headless Chromium and saves screenshots: the Containers view
// (media/containers-view.png; fails unless it shows the containers it expects, so it doubles as a
// packaging check), the step panel after a Check with one passed and one failed check
// (media/step-panel.png), and a Dockerfile's layer sizes after Build and Measure (media/layers.png).
//   node scripts/screenshot.mjs [--out media/containers-view.png] [--step-out media/step-panel.png] [--layers-out media/layers.png] [--layers-hover-out media/layers-hover.png] [--vsix shipshape.vsix]
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

/**
 * The VS Code server with the .vsix installed, on a copy of the sample workspace (`settings`
 * replace its .vscode/settings.json), the Shipshape view shown; `act(page)` gets it ready, then the
 * picture is taken with the pointer at `pointer` (off anything with a tooltip).
 */
async function capture({ vsix, out, settings, pointer, files = {} }, act, more) {
  const server = await startVSCodeServer({ installExtensions: [vsix] });
  const { browser, page } = await openBrowser(server.browser);
  try {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-shot-'));
    fs.cpSync(path.join(root, 'test', 'fixtures', 'sample-workspace'), workspace, { recursive: true });
    if (settings) fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      fs.writeFileSync(path.join(workspace, file), text);
    }
    await page.goto(server.url(workspace));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.locator('.activitybar [aria-label^="Shipshape"]').first().click({ timeout: 30_000 });
    await act(page);
    await page.mouse.move(...pointer);
    await page.waitForTimeout(800);
    await page.screenshot({ path: out });
    if (more) await more(page);
    return out;
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

export async function captureContainersView({ vsix, out, expect, expand }) {
  return capture({ vsix, out, pointer: [900, 700] }, async (page) => {
    for (const name of expect) {
      await page.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
    }
    if (expand) {
      // Collapse the Labs view: this picture gives the sidebar's height to the Containers view.
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
  });
}

/**
 * A copy of the sample pack whose container and image names carry `suffix`, so the picture never
 * touches (or is fooled by) a sample pack another run is working through on the same daemon.
 */
function samplePackCopy(suffix) {
  const source = path.join(root, 'test', 'fixtures', 'packs', 'sample');
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-shot-pack-')), 'sample');
  fs.cpSync(source, dir, { recursive: true });
  const rename = (text) => text.replaceAll('shipshape-sample-web', `shipshape-sample-web-${suffix}`).replaceAll('shipshape-sample/web:1', `shipshape-sample/web:${suffix}`);
  for (const file of ['shipshape-pack.yaml', 'labs/containers/run-web.md']) fs.writeFileSync(path.join(dir, file), rename(fs.readFileSync(path.join(dir, file), 'utf8')));
  return { dir, container: `shipshape-sample-web-${suffix}`, image: `shipshape-sample/web:${suffix}`, context: path.join(dir, 'images', 'web') };
}

/**
 * The sample's "Run the web server" step after a Check, with its container running but its port not
 * published: the container check passes, the ports check fails (and the http check with it).
 */
export async function captureStepPanel({ vsix, out, suffix }) {
  const pack = samplePackCopy(suffix);
  docker('build', '-q', '--label', LABEL, '-t', pack.image, pack.context);
  try {
    docker('run', '-d', '--name', pack.container, '--label', LABEL, pack.image);
    const settings = { 'git.openRepositoryInParentFolders': 'never', 'shipshape.labs.packs': [pack.dir] };
    // Off the tree and the status bar: no tooltip in the picture.
    return await capture({ vsix, out, settings, pointer: [800, 760] }, async (page) => {
      await page.locator('.monaco-list-row', { hasText: 'Shipshape sample pack' }).first().waitFor({ timeout: 60_000 });
      // Collapse the Containers view: the Labs tree gets the sidebar.
      await page.locator('.pane-header', { hasText: 'Containers' }).first().click({ timeout: 30_000 });
      await page.locator('.monaco-list-row', { hasText: 'Run the web server' }).first().click({ timeout: 30_000 });
      // Each redraw swaps the webview's inner frame (pending → active): look in the active one.
      const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await frame.locator('button[data-action="check"]').click({ timeout: 30_000 });
      // The http check waits up to its timeout (5 s) for the page before it fails.
      await frame.locator('li.result.passed').first().waitFor({ timeout: 30_000 });
      await frame.locator('li.result.failed').first().waitFor({ timeout: 30_000 });
      await frame.locator('.status', { hasText: /checked/ }).first().waitFor({ timeout: 30_000 });
    });
  } finally {
    for (const args of [['rm', '-f', pack.container], ['rmi', pack.image]]) {
      try {
        docker(...args);
      } catch (error) {
        console.warn(`screenshot: cleaning up: ${error.message}`);
      }
    }
    fs.rmSync(path.dirname(pack.dir), { recursive: true, force: true });
  }
}

/** A Dockerfile that wastes 5 MiB on purpose, for the layers picture (built FROM busybox, offline). */
const LAYERS_DEMO = [
  'FROM busybox',
  '# 5 MiB written, then removed in a later layer: it still ships',
  'RUN dd if=/dev/zero of=/big bs=1048576 count=5',
  'ENV GREETING=hello',
  'RUN rm /big',
  'COPY index.html /www/index.html',
  'RUN echo "$GREETING" > /www/greeting.txt',
  'CMD ["httpd", "-f", "-h", "/www"]',
  '',
].join('\n');

/**
 * A Dockerfile with its sizes: Build and Measure clicked on its first FROM (the lens), the picture taken
 * once the lenses show the sizes. The image gets a tag of its own and is removed afterwards.
 */
/** Opens a workspace file with Quick Open; it finds the file once the workspace is indexed, so wait for `text` in the editor and try again. */
async function openWithQuickOpen(page, file, text) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('Control+P');
    await page.keyboard.type(file);
    await page.waitForTimeout(1500);
    await page.keyboard.press('Enter');
    const opened = await page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (opened) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`Quick Open did not open ${file}`);
}

export async function captureLayers({ vsix, out, hoverOut, suffix }) {
  const tag = `shipshape-shot/layers-${suffix}:latest`;
  const settings = { 'git.openRepositoryInParentFolders': 'never', 'shipshape.layers.tag': tag, 'editor.minimap.enabled': false };
  try {
    // The pointer off the text: a hover would cover the lenses below it.
    return await capture({ vsix, out, settings, pointer: [1300, 700], files: { 'layers-demo/Dockerfile': LAYERS_DEMO, 'layers-demo/index.html': '<h1>hello</h1>\n' } }, async (page) => {
      await page.keyboard.press('Control+B'); // the sidebar closed: the editor gets the width
      await openWithQuickOpen(page, 'layers-demo/Dockerfile', 'FROM busybox');
      await page.locator('.codelens-decoration a', { hasText: 'Build and Measure' }).first().click({ timeout: 30_000 });
      await page.locator('.codelens-decoration', { hasText: 'wasted' }).first().waitFor({ timeout: 120_000 });
      // The build's notification fades; dismiss any left so the lenses are not covered.
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 600, y: 300 } }); // the caret below the text, nothing selected
    }, hoverOut && (async (page) => {
      // A second picture: the hover of the dd line, with the largest file its layer added and what removed it.
      await page.locator('.monaco-editor .view-line', { hasText: 'RUN dd' }).first().hover({ position: { x: 40, y: 5 } });
      await page.locator('.monaco-hover', { hasText: 'Largest files it added' }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: hoverOut });
      console.log(`saved ${hoverOut}`);
    }));
  } finally {
    try {
      docker('rmi', tag);
    } catch (error) {
      console.warn(`screenshot: cleaning up: ${error.message}`);
    }
  }
}

/** A Dockerfile with an overridden CMD (one finding, the other CMD as related information) and a check comment above an instruction. */
const LINT_DEMO = `FROM busybox:latest AS base
SHELL ["/bin/sh", "-o", "pipefail", "-c"]
WORKDIR /srv

FROM base
WORKDIR www
# check=skip=SecretsUsedInArgOrEnv // a placeholder, not a secret
ENV API_TOKEN=changeme
CMD httpd -f -p 8080
CMD ["httpd", "-f", "-p", "8080", "-h", "/srv/www"]
`;

/** The editor and the Problems panel on LINT_DEMO: BuildKit's line for the overridden CMD, the related CMD under it. */
export async function captureLint({ vsix, out }) {
  const settings = { 'git.openRepositoryInParentFolders': 'never', 'editor.minimap.enabled': false };
  return capture({ vsix, out, settings, pointer: [1300, 200], files: { 'lint-demo/Dockerfile': LINT_DEMO } }, async (page) => {
    await page.keyboard.press('Control+B');
    await openWithQuickOpen(page, 'lint-demo/Dockerfile', 'FROM busybox');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'DL4003' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 600, y: 260 } });
  });
}

/** A heredoc-heavy Dockerfile: what Shipshape's grammar colours (shell in RUN heredocs, text in COPY ones, flags, stages). */
const GRAMMAR_DEMO = `# syntax=docker/dockerfile:1
# check=skip=SecretsUsedInArgOrEnv
ARG BASE=debian:12-slim
FROM \${BASE} AS build
ARG VERSION=1.4.2
ENV APP_HOME=/opt/app PATH="/opt/app/bin:\${PATH}"
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked <<EOF
#!/usr/bin/env bash
set -euo pipefail
apt-get update && apt-get install -y --no-install-recommends curl=7.88.*
for f in /etc/*.conf; do echo "config: \${f}"; done
EOF
COPY <<-"EOT" /etc/app/motd
	Welcome to \${APP_HOME}: written as is, no expansion
	EOT
RUN <<EOT bash
curl -fsSL "https://example.com/app-\${VERSION}.tar.gz" | tar -xz -C "$APP_HOME"
EOT

FROM debian:12-slim
COPY --from=build --chown=app:app /opt/app /opt/app
EXPOSE 8080/tcp 9090/udp
HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/ || exit 1
CMD ["/opt/app/bin/server", "--port", "8080"]
`;

/** The editor on GRAMMAR_DEMO, colours from Shipshape's grammar in the real VS Code. */
export async function captureGrammar({ vsix, out }) {
  const settings = { 'git.openRepositoryInParentFolders': 'never', 'editor.minimap.enabled': false, 'shipshape.layers.codeLens': false };
  return capture({ vsix, out, settings, pointer: [1300, 760], files: { 'grammar-demo/Dockerfile': GRAMMAR_DEMO } }, async (page) => {
    await page.keyboard.press('Control+B');
    await openWithQuickOpen(page, 'grammar-demo/Dockerfile', 'syntax=docker');
    await page.waitForTimeout(2000); // tokenization and the embedded shell grammar
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 700, y: 640 } });
  });
}

/** Runs one capture; a failure is reported and fails the script, the others still run. */
async function attempt(what, take) {
  try {
    console.log(`saved ${await take()}`);
  } catch (error) {
    console.error(`screenshot of ${what}: ${error.stack ?? error}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(root, 'media', 'containers-view.png') },
      'step-out': { type: 'string', default: path.join(root, 'media', 'step-panel.png') },
      'layers-out': { type: 'string', default: path.join(root, 'media', 'layers.png') },
      'layers-hover-out': { type: 'string', default: path.join(root, 'media', 'layers-hover.png') },
      'lint-out': { type: 'string', default: path.join(root, 'media', 'lint.png') },
      'grammar-out': { type: 'string', default: path.join(root, 'media', 'grammar.png') },
      // Comma-separated: containers, step, layers, lint, grammar (default: all five).
      only: { type: 'string', default: 'containers,step,layers,lint,grammar' },
      vsix: { type: 'string' },
    },
  });
  const only = new Set(values.only.split(',').map((s) => s.trim()));
  let vsix = values.vsix;
  if (!vsix) {
    const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
    vsix = path.join(root, 'shipshape.vsix');
  }
  const suffix = Math.random().toString(36).slice(2, 6);
  if (only.has('containers')) {
    const names = startDemoContainers(suffix);
    try {
      await attempt('the Containers view', () => captureContainersView({ vsix, out: values.out, expect: names, expand: names[0] }));
    } finally {
      docker('rm', '-f', ...names);
    }
  }
  if (only.has('step')) await attempt('the step panel', () => captureStepPanel({ vsix, out: values['step-out'], suffix }));
  if (only.has('grammar')) await attempt('the grammar', () => captureGrammar({ vsix, out: values['grammar-out'] }));
  if (only.has('lint')) await attempt('the lint diagnostics', () => captureLint({ vsix, out: values['lint-out'] }));
  if (only.has('layers')) await attempt('the layer sizes', () => captureLayers({ vsix, out: values['layers-out'], hoverOut: values['layers-hover-out'], suffix }));
}
