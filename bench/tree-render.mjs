// bench/tree-render: the Containers view drawn by a real VS Code (the VS Code server in headless
// Chromium), with N busybox containers on the daemon. Measures, in one run:
//   - open: from clicking the Shipshape activity-bar icon until the Containers group row shows N
//     (includes activation, one connect of the model, and the workbench drawing the tree);
//   - update: from the daemon answering `start` of a new container until its row is in the DOM;
//   - context switch (list + model build + tree render, goal ≤ 250 ms): with the view open and connected,
//     config.json under the server's own temporary DOCKER_CONFIG is rewritten from a context whose socket
//     is dead to the live one (what `docker context use` does); timed from just before the write to a
//     MutationObserver in the page seeing the "Containers N" row (both Date.now(), the same clock). It
//     includes the config watch (50 ms debounce) + connect + 4 lists + model build + the tree drawn;
//   - baseline: one `GET /containers/json?all=1` through dockerode in the same run.
//   npm run bench:tree-render [-- --containers 300]
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBrowser, startVSCodeServer } from '../scripts/vscode-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const Docker = require('dockerode');
const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const { values } = parseArgs({ options: { containers: { type: 'string', default: '300' } } });
const count = Number(values.containers);
const LABEL = 'dev.shipshape.bench';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A Docker config folder of the server's own: a live context (the daemon) and a dead one (no socket).
const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-docker-config-'));
for (const [name, host] of [['live', 'unix:///var/run/docker.sock'], ['dead', `unix://${path.join(dockerConfig, 'nothing-listens.sock')}`]]) {
  const dir = path.join(dockerConfig, 'contexts', 'meta', crypto.createHash('sha256').update(name).digest('hex'));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
}
/** `docker context use NAME`: config.json replaced atomically, as the Docker CLI writes it. */
function useContext(name) {
  const file = path.join(dockerConfig, 'config.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ auths: {}, currentContext: name }, null, '\t'));
  fs.renameSync(`${file}.tmp`, file);
}
useContext('live');

const ids = [];
async function run(name) {
  const c = await docker.createContainer({ name, Image: 'busybox:latest', Cmd: ['sleep', '3600'], Labels: { [LABEL]: 'true' } });
  await c.start();
  ids.push(c.id);
  return c.id;
}

try {
  console.log(`bench/tree-render: starting ${count} containers…`);
  for (let i = 0; i < count; i += 10) await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => run(`shipshape-render-${process.pid}-${String(i + j).padStart(3, '0')}`)));
  const raw = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await docker.listContainers({ all: true });
    raw.push(performance.now() - t);
  }
  const total = (await docker.listContainers({ all: true })).length;
  // DOCKER_HOST / DOCKER_CONTEXT would decide over config.json: the server must not inherit them.
  const server = await startVSCodeServer({ env: { DOCKER_CONFIG: dockerConfig, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined } });
  const { browser, page } = await openBrowser(server.browser);
  try {
    await page.goto(server.url(path.join(root, 'test', 'fixtures', 'sample-workspace'), [['extensionDevelopmentPath', server.remote(root)]]));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(3000); // let the workbench settle before timing
    const t0 = performance.now();
    await page.locator('.activitybar [aria-label^="Shipshape"]').first().click();
    await page.locator('.monaco-list-row', { hasText: new RegExp(`Containers\\s*${total}`) }).first().waitFor({ timeout: 60_000 });
    const open = performance.now() - t0;
    const updates = [];
    for (let i = 0; i < 5; i++) {
      // Names that sort first among running containers, so the new row is in view.
      const name = `aaa-render-${process.pid}-${i}`;
      const c = await docker.createContainer({ name, Image: 'busybox:latest', Cmd: ['sleep', '3600'], Labels: { [LABEL]: 'true' } });
      ids.push(c.id);
      await c.start();
      const t = performance.now();
      await page.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
      updates.push(performance.now() - t);
    }
    const now = (await docker.listContainers({ all: true })).length;
    const switches = [];
    for (let i = 0; i < 5; i++) {
      useContext('dead');
      await page.locator('.monaco-list-row', { hasText: 'Docker is not reachable' }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300); // the dead context's retry settles; nothing else is in flight
      const armed = await page.evaluate((pattern) => {
        const wanted = new RegExp(pattern);
        window.__shipshapeRowAt = undefined;
        const check = () => {
          for (const row of document.querySelectorAll('.monaco-list-row')) {
            if (wanted.test(row.textContent ?? '')) {
              window.__shipshapeRowAt = Date.now();
              observer.disconnect();
              return;
            }
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        check();
        return window.__shipshapeRowAt === undefined;
      }, `Containers\\s*${now}(?!\\d)`);
      if (!armed) throw new Error('the Containers row is still drawn while the dead context is in use');
      const written = Date.now();
      useContext('live');
      await page.waitForFunction(() => window.__shipshapeRowAt !== undefined, null, { timeout: 10_000, polling: 50 });
      switches.push((await page.evaluate(() => window.__shipshapeRowAt)) - written);
    }
    console.log(`  raw GET /containers/json with ${total} containers (baseline)   ${median(raw).toFixed(1)} ms`);
    console.log(`  first open: extension activation + model connect + tree drawn ${open.toFixed(0)} ms`);
    console.log(`  new container: daemon answered start → row drawn           median ${median(updates).toFixed(0)} ms, max ${Math.max(...updates).toFixed(0)} ms`);
    console.log(`  context switch dead → live, ${now} containers: config.json written → "Containers ${now}" row drawn`);
    console.log(`    (config watch with its 50 ms debounce + connect + 4 lists + model build + tree drawn; goal <= 250 ms)`);
    console.log(`                                                              median ${median(switches).toFixed(0)} ms, max ${Math.max(...switches).toFixed(0)} ms  [${switches.map((x) => x.toFixed(0)).join(', ')}]`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
} finally {
  console.log(`  removing ${ids.length} containers…`);
  for (let i = 0; i < ids.length; i += 20) await Promise.all(ids.slice(i, i + 20).map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
  fs.rmSync(dockerConfig, { recursive: true, force: true });
}
