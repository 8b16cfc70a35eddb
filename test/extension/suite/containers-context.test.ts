// Docker contexts in a real VS Code against the real daemon. The runner gives the extension host a
// temporary DOCKER_CONFIG (scripts/test-extension.mjs), so these tests write config.json and contexts
// there the way the Docker CLI does, and never touch ~/.docker.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import type { DockerNode, GroupNode } from '../../../src/extension/containers/tree';
import { removeContainer, runBusybox, testClient, uniqueName } from '../../support/daemon';
import { waitFor } from '../../support/wait';

async function api(): Promise<ShipshapeApi> {
  const extension = vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape');
  assert.ok(extension, 'the Shipshape extension is installed in this VS Code');
  return extension.activate();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Docker contexts: following `docker context use` and Switch Docker Context (real daemon, real VS Code)', function () {
  const dockerConfig = process.env.DOCKER_CONFIG ?? '';
  const client = testClient();
  const deadSocket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-dead-')), 'docker.sock');
  let shipshape: ShipshapeApi;
  let liveHost = '';
  let id = '';

  const configFile = () => path.join(dockerConfig, 'config.json');
  const metaFile = (name: string) => path.join(dockerConfig, 'contexts', 'meta', crypto.createHash('sha256').update(name).digest('hex'), 'meta.json');
  function writeContext(name: string, host: string): void {
    fs.mkdirSync(path.dirname(metaFile(name)), { recursive: true });
    fs.writeFileSync(metaFile(name), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  }
  /** As `docker context use` does it: a temporary file renamed over config.json. */
  function writeConfig(text: string): void {
    const tmp = `${configFile()}${process.pid}${Math.random().toString().slice(2, 8)}`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, configFile());
  }
  const useContext = (name: string) => writeConfig(JSON.stringify({ auths: {}, currentContext: name }));

  const model = () => shipshape.context.docker;
  const rootLabels = () => shipshape.containersView.getChildren().map((n: DockerNode) => String(shipshape.containersView.getTreeItem(n).label));
  const status = () => shipshape.statusItem();
  function listsOurContainer(): boolean {
    const group = shipshape.containersView.getChildren().find((n): n is GroupNode => n.kind === 'group' && n.group === 'containers');
    return Boolean(group && shipshape.containersView.getChildren(group).some((n) => n.kind === 'container' && n.container.id === id));
  }
  async function showsLiveDaemon(what: string): Promise<void> {
    await waitFor(() => model().connection.kind === 'connected' && listsOurContainer(), what, 5000);
  }

  before(async function () {
    assert.ok(dockerConfig && path.resolve(dockerConfig).startsWith(os.tmpdir()) && path.resolve(dockerConfig) !== path.join(os.homedir(), '.docker'), `the runner must give the extension host a temporary DOCKER_CONFIG (got "${dockerConfig}")`);
    if (process.env.DOCKER_HOST || process.env.DOCKER_CONTEXT) this.skip(); // they decide over config.json: nothing to follow
    shipshape = await api();
    await vscode.commands.executeCommand('shipshape.containers.focus'); // the view is shown: model live, status bar item up
    id = await runBusybox(client, uniqueName('ctx'));
    await showsLiveDaemon('the view lists the container from the default daemon');
    liveHost = shipshape.context.endpoint!.host;
    writeContext('dead', `unix://${deadSocket}`);
    writeContext('live', liveHost);
  });

  after(async () => {
    if (!shipshape) return;
    const settings = vscode.workspace.getConfiguration('shipshape');
    await settings.update('docker.context', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(configFile(), { force: true });
    await waitFor(() => model().connection.kind === 'connected' && !shipshape.context.endpoint?.context, 'back on the default socket', 5000);
    await removeContainer(client, id);
  });

  it('a currentContext whose socket is dead shows disconnected in the view and the status bar; switching back shows the containers', async () => {
    assert.ok(status(), 'the status bar item is up once the view is shown');
    useContext('dead');
    await waitFor(() => model().connection.kind === 'disconnected' && model().connection.endpoint === `unix://${deadSocket}`, 'disconnected from the dead context', 3000);
    assert.match(rootLabels()[0]!, new RegExp(`^Docker is not reachable: no daemon socket at unix://${deadSocket.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(context "dead"\\)`));
    assert.equal(rootLabels()[1], 'Switch Docker Context…');
    assert.match(status()!.text, /Docker: disconnected · dead$/);
    assert.match(status()!.tooltip, /Docker is not reachable: no daemon socket/);
    useContext('live');
    await showsLiveDaemon('the containers again, from the live context');
    assert.match(status()!.text, /^\$\(vm-running\) Docker \S+ · live$/);
    assert.equal(shipshape.context.endpoint?.context, 'live');
  });

  it('is offered in the palette, the Containers view\'s title bar and by a click on the status bar item', () => {
    const manifest = vscode.extensions.getExtension('shipshape.shipshape')!.packageJSON as {
      contributes: { commands: { command: string; title: string; category?: string }[]; menus: Record<string, { command: string; when?: string }[]> };
    };
    const command = manifest.contributes.commands.find((c) => c.command === 'shipshape.switchContext');
    assert.deepEqual([command?.category, command?.title], ['Shipshape', 'Switch Docker Context…']);
    assert.ok(manifest.contributes.menus['view/title']!.some((m) => m.command === 'shipshape.switchContext' && m.when === 'view == shipshape.containers'));
    assert.equal(status()!.command, 'shipshape.switchContext');
  });

  it('a context switch redraws the tree once, when connected: no group redraws and no "Connecting…" flash before', async () => {
    useContext('dead');
    await waitFor(() => model().connection.kind === 'disconnected', 'on the dead context', 3000);
    await sleep(300);
    const fires: { root: boolean; connected: boolean }[] = [];
    const subscription = shipshape.containersView.onDidChangeTreeData((node) => fires.push({ root: node === undefined, connected: model().connection.kind === 'connected' }));
    try {
      const started = Date.now();
      useContext('live');
      await showsLiveDaemon('the live context');
      const took = Date.now() - started;
      await sleep(100);
      assert.ok(fires.every((f) => f.root || f.connected), `no group redraw before connected: ${JSON.stringify(fires)}`);
      assert.equal(fires.filter((f) => f.connected).length, 1, JSON.stringify(fires));
      if (took < 250) assert.equal(fires.length, 1, `connected within ${took} ms: one redraw only (${JSON.stringify(fires)})`);
    } finally {
      subscription.dispose();
    }
  });

  it('edits of config.json that keep the endpoint do not reconnect', async () => {
    useContext('live');
    await showsLiveDaemon('on the live context');
    let events = 0;
    const subscription = model().onDidChange((change) => change === 'connection' && events++);
    try {
      writeConfig(JSON.stringify({ auths: { 'registry.example': { auth: 'eDp5' } }, currentContext: 'live', credsStore: 'pass' }));
      fs.writeFileSync(configFile(), JSON.stringify({ currentContext: 'live', psFormat: 'table {{.Names}}' }, null, 2)); // in place, too
      await sleep(400);
      assert.equal(events, 0, 'no connection change');
      assert.equal(model().connection.kind, 'connected');
    } finally {
      subscription.dispose();
    }
  });

  it('a malformed config.json is shown in the view with its path and a hint, and fixing it recovers', async () => {
    fs.writeFileSync(configFile(), '{ "currentContext": "li');
    await waitFor(() => model().connection.kind === 'misconfigured', 'the error is shown', 3000);
    const [problem, hint] = rootLabels();
    assert.equal(problem, `Cannot tell which Docker daemon to use: ${configFile()}: not valid JSON (${jsonError('{ "currentContext": "li')})`);
    assert.match(hint!, /^Hint: fix or remove the file/);
    assert.equal(status()!.text, '$(warning) Docker: settings problem');
    assert.throws(() => shipshape.context.client, /config\.json: not valid JSON/);
    useContext('live');
    await showsLiveDaemon('recovered once config.json is fixed');
  });

  it('a malformed meta.json of the current context is shown with its path, and fixing that file recovers', async () => {
    fs.mkdirSync(path.dirname(metaFile('broken')), { recursive: true });
    fs.writeFileSync(metaFile('broken'), '{"Name":"broken","Endpoints":{"docker":');
    useContext('broken');
    await waitFor(() => model().connection.kind === 'misconfigured', 'the error is shown', 3000);
    assert.ok(rootLabels()[0]!.includes(`${metaFile('broken')}: not valid JSON`), rootLabels()[0]);
    assert.match(rootLabels()[1]!, /^Hint: fix the file, or recreate the context/);
    writeContext('broken', liveHost);
    await showsLiveDaemon('recovered once meta.json is fixed');
    assert.equal(shipshape.context.endpoint?.context, 'broken');
  });

  it('Switch Docker Context sets shipshape.docker.context in the workspace, which then decides over config.json', async () => {
    useContext('live');
    await showsLiveDaemon('on the live context');
    const settings = () => vscode.workspace.getConfiguration('shipshape');
    await vscode.commands.executeCommand('shipshape.switchContext', 'dead');
    assert.equal(settings().inspect<string>('docker.context')?.workspaceValue, 'dead');
    assert.equal(settings().inspect<string>('docker.context')?.globalValue, undefined);
    await waitFor(() => model().connection.kind === 'disconnected' && model().connection.endpoint === `unix://${deadSocket}`, 'disconnected from the chosen dead context', 3000);
    useContext('live'); // config.json no longer decides
    await sleep(300);
    assert.equal(model().connection.endpoint, `unix://${deadSocket}`);
    await vscode.commands.executeCommand('shipshape.switchContext', 'live');
    assert.equal(settings().inspect<string>('docker.context')?.workspaceValue, 'live');
    await showsLiveDaemon('the containers of the chosen live context');
    await settings().update('docker.context', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Switch Docker Context without an argument shows a quick pick of the contexts; accepting one sets it', async () => {
    useContext('live');
    await showsLiveDaemon('on the live context');
    // Items: default, broken, dead, live (by name); it opens on the current one, live. Enter keeps it;
    // one up and Enter picks dead, as a keyboard user would.
    // The quick pick opens asynchronously (slower on a loaded machine): wait until it is shown, then give
    // the workbench a moment to focus it before the keys.
    const shown = async (run: () => Thenable<string | undefined>) => {
      const opened = new Promise<void>((resolve) => {
        const sub = shipshape.context.quickPickShown.event((title) => title === 'Switch Docker Context' && (sub.dispose(), resolve()));
      });
      const result = run();
      await opened;
      await sleep(500);
      return { result }; // wrapped: an async function returning the thenable itself would wait for it
    };
    let picked = (await shown(() => vscode.commands.executeCommand<string | undefined>('shipshape.switchContext'))).result;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await picked, 'live');
    assert.equal(vscode.workspace.getConfiguration('shipshape').inspect<string>('docker.context')?.workspaceValue, 'live');
    picked = (await shown(() => vscode.commands.executeCommand<string | undefined>('shipshape.switchContext'))).result;
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectPrevious');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await picked, 'dead');
    await waitFor(() => model().connection.kind === 'disconnected', 'disconnected from the picked dead context', 3000);
    // Now that a context is pinned, the last item (after a separator) clears the setting: Docker decides again.
    picked = (await shown(() => vscode.commands.executeCommand<string | undefined>('shipshape.switchContext'))).result;
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); // live, then "Follow Docker"
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await picked, null);
    assert.equal(vscode.workspace.getConfiguration('shipshape').inspect<string>('docker.context')?.workspaceValue, undefined);
    await showsLiveDaemon('following config.json (live) again');
  });
});

/** V8's message for a JSON text, as the extension shows it. */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
