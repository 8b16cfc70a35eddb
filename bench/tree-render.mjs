// bench/tree-render: the Containers view drawn by a real VS Code (the VS Code server in headless
// Chromium), with N busybox containers on the daemon. Measures, in one run:
//   - open: from clicking the Shipshape activity-bar icon until the Containers group row shows N
//     (includes activation, one connect of the model, and the workbench drawing the tree);
//   - update: from the daemon answering `start` of a new container until its row is in the DOM;
//   - baseline: one `GET /containers/json?all=1` through dockerode in the same run.
//   npm run bench:tree-render [-- --containers 300]
import { createRequire } from 'node:module';
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
  const server = await startVSCodeServer();
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
    console.log(`  raw GET /containers/json with ${total} containers (baseline)   ${median(raw).toFixed(1)} ms`);
    console.log(`  first open: extension activation + model connect + tree drawn ${open.toFixed(0)} ms`);
    console.log(`  new container: daemon answered start → row drawn           median ${median(updates).toFixed(0)} ms, max ${Math.max(...updates).toFixed(0)} ms`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
} finally {
  console.log(`  removing ${ids.length} containers…`);
  for (let i = 0; i < ids.length; i += 20) await Promise.all(ids.slice(i, i + 20).map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
}
