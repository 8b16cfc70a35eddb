// Opens the sample workspace in the VS Code server with the extension under development, shows the
// Labs view and one step's panel, and saves screenshots (for looking, and for the README).
//   node scripts/look-labs.mjs [--out DIR] [--step containers/run-web] [--check]
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBrowser, startVSCodeServer } from './vscode-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp' }, step: { type: 'string', default: 'Run the web server' } } });
fs.mkdirSync(values.out, { recursive: true });
const workspace = path.join(root, 'test', 'fixtures', 'sample-workspace');
const server = await startVSCodeServer({});
const { browser, page } = await openBrowser(server.browser);
try {
  await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(root)]]));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.locator('.activitybar [aria-label^="Shipshape"]').first().click({ timeout: 30_000 });
  await page.locator('.monaco-list-row', { hasText: 'Shipshape sample pack' }).first().waitFor({ timeout: 60_000 });
  await page.locator('.pane-header', { hasText: 'Containers' }).first().click({ timeout: 30_000 });
  await page.locator('.monaco-list-row', { hasText: values.step }).first().click({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(values.out, 'labs-step.png') });
  const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
  await frame.locator('button[data-action="check"]').click({ timeout: 30_000 });
  await page.waitForTimeout(8000);
  await page.screenshot({ path: path.join(values.out, 'labs-checked.png') });
  console.log(`screenshots in ${values.out}`);
} finally {
  await browser.close();
  await server.stop();
}
