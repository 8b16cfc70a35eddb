import assert from 'node:assert/strict';
import http from 'node:http';
import * as vscode from 'vscode';
import fs from 'node:fs';
import path from 'node:path';
import { containerCommandOffers } from '../../../src/extension/containers/commands';
import { LogsTerminal, ShellTerminal } from '../../../src/extension/containers/terminals';
import type { ShipshapeApi } from '../../../src/extension/extension';
import type { GroupNode } from '../../../src/extension/containers/tree';
import { TEST_LABEL, removeContainer, runBusybox, testClient, uniqueName } from '../../support/daemon';
import { waitFor } from '../../support/wait';

async function api(): Promise<ShipshapeApi> {
  const extension = vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape');
  assert.ok(extension, 'the Shipshape extension is installed in this VS Code');
  const shipshape = await extension.activate();
  await shipshape.context.docker.start();
  return shipshape;
}

/** The tree's node for a container, as the context menu hands it to a command. */
function nodeOf(shipshape: ShipshapeApi, id: string) {
  const view = shipshape.containersView;
  const group = view.getChildren().find((n): n is GroupNode => n.kind === 'group' && n.group === 'containers');
  const node = group ? view.getChildren(group).find((n) => n.kind === 'container' && n.container.id === id) : undefined;
  return node?.kind === 'container' ? node : undefined;
}

/** Exits at once on SIGTERM (PID 1 ignores it otherwise), so stop takes no 10 s timeout. */
const STOPPABLE = ['sh', '-c', 'trap "exit 0" TERM; sleep 300 & wait'];

describe('Container command menus (package.json)', () => {
  type MenuEntry = { command: string; when?: string; group?: string };
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
    contributes: { commands: { command: string; category?: string; icon?: string }[]; menus: Record<string, MenuEntry[]> };
  };
  const STATES = ['running', 'restarting', 'paused', 'created', 'removing', 'exited', 'dead', 'unknown'];

  /** Evaluates the clause forms the manifest uses on a container node: ==, != and =~ /regex/ on viewItem. */
  function offered(when: string, state: string, published: boolean): boolean {
    const context: Record<string, string> = { view: 'shipshape.containers', viewItem: `shipshape.container.${state}${published ? '.published' : ''}` };
    return when.split('&&').every((term) => {
      const [, key, op, value] = /^\s*(\w+)\s*(==|!=|=~)\s*(.+?)\s*$/.exec(term) ?? [];
      assert.ok(key && op && value, `a clause this test understands: ${term}`);
      if (op === '=~') return new RegExp(value.slice(1, -1)).test(context[key] ?? '');
      return (context[key] === value) === (op === '==');
    });
  }

  it('offers each container command on tree nodes (menu and inline) for exactly the states its palette pick offers, with or without a published port', () => {
    const menu = manifest.contributes.menus['view/item/context'] ?? [];
    for (const [command, { states, needsPublishedPort }] of Object.entries(containerCommandOffers)) {
      const entries = menu.filter((m) => m.command === command);
      assert.ok(entries.some((m) => !m.group?.startsWith('inline')), `${command} is in the container context menu`);
      for (const entry of entries) {
        for (const published of [false, true]) {
          const expected = needsPublishedPort && !published ? [] : STATES.filter((s) => (states as readonly string[]).includes(s));
          assert.deepEqual(STATES.filter((s) => offered(entry.when ?? '', s, published)), expected, `${command} (${entry.group}, published port: ${published})`);
        }
      }
    }
  });

  it('contributes every container command with the Shipshape category and an icon, shell and logs inline', () => {
    for (const command of Object.keys(containerCommandOffers)) {
      const contributed = manifest.contributes.commands.find((c) => c.command === command);
      assert.equal(contributed?.category, 'Shipshape', command);
      assert.match(contributed?.icon ?? '', /^\$\([a-z-]+\)$/, command);
    }
    // The Containers view's inline actions (the Labs view has its own: Check on a step).
    const inline = (manifest.contributes.menus['view/item/context'] ?? []).filter((m) => m.group?.startsWith('inline') && /view == shipshape\.containers\b/.test(m.when ?? ''));
    assert.deepEqual(inline.map((m) => m.command), ['shipshape.container.shell', 'shipshape.container.logs']);
  });
});

describe('Container commands (real daemon, real VS Code)', () => {
  const client = testClient();
  const created: string[] = [];
  const config = () => vscode.workspace.getConfiguration('shipshape');
  let confirmBefore: boolean | undefined;

  before(async () => {
    confirmBefore = config().inspect<boolean>('containers.confirmDestructive')?.globalValue;
    await config().update('containers.confirmDestructive', false, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('containers.confirmDestructive', confirmBefore, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    while (created.length) await removeContainer(client, created.pop()!);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const run = async (prefix: string, cmd?: string[]) => {
    const name = uniqueName(prefix);
    const id = await runBusybox(client, name, cmd);
    created.push(id);
    return { id, name };
  };
  const state = async (id: string) => (await client.api.getContainer(id).inspect()).State.Status;

  it('stop, start and remove change the real container, and the tree follows from the events alone', async () => {
    const shipshape = await api();
    const { id } = await run('cmd', STOPPABLE);
    await waitFor(() => nodeOf(shipshape, id)?.container.state === 'running', 'the running node appears', 5000);

    await vscode.commands.executeCommand('shipshape.container.stop', nodeOf(shipshape, id));
    assert.equal(await state(id), 'exited');
    await waitFor(() => nodeOf(shipshape, id)?.container.state === 'exited', 'the node shows exited', 5000);
    assert.equal(shipshape.containersView.getTreeItem(nodeOf(shipshape, id)!).contextValue, 'shipshape.container.exited');

    await vscode.commands.executeCommand('shipshape.container.start', nodeOf(shipshape, id));
    assert.equal(await state(id), 'running');
    await waitFor(() => nodeOf(shipshape, id)?.container.state === 'running', 'the node shows running again', 5000);

    // Running, so remove kills it first; with confirmations off nothing asks.
    await vscode.commands.executeCommand('shipshape.container.remove', nodeOf(shipshape, id));
    await assert.rejects(state(id), (e: { statusCode?: number }) => e.statusCode === 404);
    await waitFor(() => nodeOf(shipshape, id) === undefined, 'the node disappears', 5000);
  });

  it('inspect opens a read-only JSON document of the container, with its Id', async () => {
    const shipshape = await api();
    const { id, name } = await run('inspect');
    await waitFor(() => nodeOf(shipshape, id) !== undefined, 'the node appears', 5000);
    await vscode.commands.executeCommand('shipshape.container.inspect', nodeOf(shipshape, id));
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'an editor is open');
    assert.equal(document.uri.scheme, 'shipshape-inspect');
    assert.equal(document.languageId, 'json');
    const inspected = JSON.parse(document.getText()) as { Id: string; Name: string };
    assert.equal(inspected.Id, id);
    assert.equal(inspected.Name, `/${name}`);
  });

  it('top lists the sleep process with its host PID and container PID 1 in a document', async () => {
    const shipshape = await api();
    const { id } = await run('top');
    await waitFor(() => nodeOf(shipshape, id) !== undefined, 'the node appears', 5000);
    await vscode.commands.executeCommand('shipshape.container.top', nodeOf(shipshape, id));
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    const hostPid = (await client.api.getContainer(id).inspect()).State.Pid;
    assert.match(text, /^HOST PID +CONTAINER PID +/m);
    assert.match(text, new RegExp(`^${hostPid} +1 +.*sleep 300$`, 'm'));
  });

  it('stats shows CPU, memory, network, block I/O and PIDs in a document', async () => {
    const shipshape = await api();
    const { id, name } = await run('stats');
    await waitFor(() => nodeOf(shipshape, id) !== undefined, 'the node appears', 5000);
    await vscode.commands.executeCommand('shipshape.container.stats', nodeOf(shipshape, id));
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(text, new RegExp(`^CONTAINER +${name}$`, 'm'));
    assert.match(text, /^CPU % +\d+\.\d\d%$/m);
    assert.match(text, /^MEM USAGE \/ LIMIT +[\d.]+[KMG]?i?B \/ [\d.]+[KMG]?i?B$/m);
    assert.match(text, /^PIDS +1$/m);
  });

  it('logs and shell open terminals named after the container', async () => {
    const shipshape = await api();
    const { id, name } = await run('logs', ['sh', '-c', 'echo hello; sleep 300']);
    await waitFor(() => nodeOf(shipshape, id) !== undefined, 'the node appears', 5000);
    await vscode.commands.executeCommand('shipshape.container.logs', nodeOf(shipshape, id));
    await vscode.commands.executeCommand('shipshape.container.shell', nodeOf(shipshape, id));
    const names = () => vscode.window.terminals.map((t) => t.name);
    for (const expected of [`${name} (logs)`, `${name} (sh)`]) {
      const terminal = vscode.window.terminals.find((t) => t.name === expected);
      assert.ok(terminal, `a terminal "${expected}" among ${names().join(', ')}`);
      terminal.dispose();
    }
  });

  it('the logs terminal shows stdout and stderr with terminal line ends, then "[container exited]"', async () => {
    const shipshape = await api();
    const { id } = await run('ptylogs', ['sh', '-c', 'echo one; echo two >&2; sleep 1']);
    await waitFor(() => nodeOf(shipshape, id) !== undefined, 'the node appears', 5000);
    const pty = new LogsTerminal(client, nodeOf(shipshape, id)!.container);
    let text = '';
    pty.onDidWrite((data) => (text += data));
    pty.open();
    await waitFor(() => text.includes('[container exited]'), 'the end marker after the container exits', 10_000);
    // stdout and stderr reach the daemon through separate pipes, so their order may vary.
    assert.ok(text.includes('one\r\n') && text.includes('two\r\n'), JSON.stringify(text));
    assert.doesNotMatch(text, /[^\r]\n/, 'every line ends with \\r\\n');
    pty.close();
  });

  it('the shell terminal runs typed input (even typed before it is up) and closes with the shell\'s exit code', async () => {
    const shipshape = await api();
    const { id } = await run('ptysh');
    await waitFor(() => nodeOf(shipshape, id) !== undefined, 'the node appears', 5000);
    const pty = new ShellTerminal(client, nodeOf(shipshape, id)!.container, 'sh');
    let text = '';
    pty.onDidWrite((data) => (text += data));
    const closed = new Promise<number | void>((resolve) => pty.onDidClose!(resolve));
    pty.open({ columns: 91, rows: 17 });
    pty.handleInput('stty size; echo answer-$((6*7))\r');
    await waitFor(() => text.includes('answer-42'), 'the shell answers', 10_000);
    assert.match(text, /17 91/);
    pty.handleInput('exit 4\r');
    assert.equal(await closed, 4);
  });

  it('openPort opens http://127.0.0.1:<published port> of a busybox httpd published on 127.0.0.1', async () => {
    const shipshape = await api();
    const container = await client.api.createContainer({
      name: uniqueName('httpd'),
      Image: 'busybox:latest',
      Cmd: ['httpd', '-f', '-p', '80'],
      Labels: { [TEST_LABEL]: 'true' },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    created.push(container.id);
    await container.start();
    const port = Number((await container.inspect()).NetworkSettings.Ports['80/tcp']?.[0]?.HostPort);
    assert.ok(port > 0, 'the daemon chose a host port');
    await waitFor(() => (nodeOf(shipshape, container.id)?.container.ports.length ?? 0) > 0, 'the node knows its port', 5000);
    // The menu offers it (package.json: viewItem == shipshape.container.running.published) only for such a node.
    assert.equal(shipshape.containersView.getTreeItem(nodeOf(shipshape, container.id)!).contextValue, 'shipshape.container.running.published');

    // Only the browser launch is stubbed; the port comes from the real daemon through the tree.
    const opened: vscode.Uri[] = [];
    const openExternal = vscode.env.openExternal;
    (vscode.env as { openExternal: typeof openExternal }).openExternal = async (uri: vscode.Uri) => (opened.push(uri), true);
    try {
      await vscode.commands.executeCommand('shipshape.container.openPort', nodeOf(shipshape, container.id));
    } finally {
      (vscode.env as { openExternal: typeof openExternal }).openExternal = openExternal;
    }
    assert.equal(opened.length, 1);
    assert.equal(opened[0]!.scheme, 'http');
    assert.equal(opened[0]!.authority, `127.0.0.1:${port}`);
    // And something answers there: the container's httpd.
    const status = await new Promise<number | undefined>((resolve, reject) =>
      http.get(`http://127.0.0.1:${port}/`, (res) => (res.resume(), resolve(res.statusCode))).on('error', reject),
    );
    assert.ok(status && status >= 200 && status < 500, `httpd answered ${status}`);
  });
});
