// The labs in a real VS Code against the real daemon: the Labs view, problems of a broken pack,
// Check from the view and from the Testing view (expected/actual as a diff), un-passing on a daemon
// event, the step panel's page, the trust gate's positive side, and progress on a fresh LabPacks.
// The untrusted side runs in a second VS Code with Workspace Trust on: labs.restricted.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import type { LoadedPack } from '../../../src/extension/labs/packs';
import { LabPacks } from '../../../src/extension/labs/packs';
import type { StepHost } from '../../../src/extension/labs/steps';
import { trustPack } from '../../../src/extension/labs/trust';
import type { LabsNode } from '../../../src/extension/labs/view';
import { TEST_LABEL, removeContainer, testClient } from '../../support/daemon';
import { removeDir, writeBrokenPack, writeTrialPack, type TrialPack } from '../../support/trial-pack';
import { waitFor } from '../../support/wait';

async function api(): Promise<ShipshapeApi> {
  const extension = vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape');
  assert.ok(extension, 'the Shipshape extension is installed in this VS Code');
  return extension.activate();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Tree = ShipshapeApi['context']['labs']['tree'];
const labelOf = (tree: Tree, node: LabsNode) => String(tree.getTreeItem(node).label);
const iconOf = (tree: Tree, node: LabsNode) => (tree.getTreeItem(node).iconPath as vscode.ThemeIcon).id;

function packNode(tree: Tree, key: string): LabsNode {
  const node = tree.getChildren().find((n) => n.kind === 'pack' && n.entry.key === key);
  assert.ok(node, `the Labs view lists ${key}; it has ${tree.getChildren().map((n) => labelOf(tree, n)).join(', ')}`);
  return node;
}

function stepNode(tree: Tree, key: string, labId: string, stepId: string): LabsNode {
  const lab = tree.getChildren(packNode(tree, key)).find((n) => n.kind === 'lab' && n.lab.id === labId);
  assert.ok(lab, `lab ${labId} is under the pack`);
  const step = tree.getChildren(lab).find((n) => n.kind === 'step' && n.step.id === stepId);
  assert.ok(step, `step ${stepId} is under lab ${labId}`);
  return step;
}

/**
 * "Run Tests in File" on the pack's manifest (the Testing view's own command, testing.run.uri), until
 * `reported` holds. The workbench learns of new test items asynchronously: a run asked for before
 * it has them finds nothing, so it is asked again (at most 4 times) while no run has reported.
 */
async function runFromTestingView(tests: ShipshapeApi['context']['labs']['tests'], manifest: string, reported: () => boolean, what: string): Promise<void> {
  let ran = false;
  const sub = tests.onDidReport(() => (ran = true));
  try {
    for (let attempt = 0; attempt < 4 && !ran; attempt++) {
      await vscode.commands.executeCommand('testing.run.uri', vscode.Uri.file(manifest));
      await waitFor(() => ran, 'a run', 2500).catch(() => undefined);
    }
    await waitFor(reported, what, 20_000);
  } finally {
    sub.dispose();
  }
}

describe('Labs (real daemon, real VS Code)', function () {
  this.timeout(60_000);
  const client = testClient();
  let trial: TrialPack;
  let entry: LoadedPack;
  let containerId: string | undefined;
  const dirs: string[] = [];

  /** The trial's container, labelled for the tests, publishing its port 80 or not. */
  async function runWeb(publish: boolean): Promise<string> {
    const container = await client.api.createContainer({
      name: trial.container,
      Image: 'busybox:latest',
      Cmd: ['sleep', '300'],
      Labels: { [TEST_LABEL]: 'true' },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: publish ? { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(trial.port) }] } } : {},
    });
    await container.start();
    return container.id;
  }

  before(async () => {
    const shipshape = await api();
    trial = writeTrialPack(await freePort());
    dirs.push(trial.dir);
    entry = (await vscode.commands.executeCommand<LoadedPack>('shipshape.labs.openPack', trial.dir))!;
    assert.ok(entry.pack, `the trial pack loads: ${entry.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}`);
    await shipshape.context.docker.start();
  });

  after(async () => {
    if (containerId) await removeContainer(client, containerId);
    for (const d of dirs) removeDir(d);
  });

  it('lists the sample pack from shipshape.labs.packs: pack → labs → steps, with status and points, and the step that is next', async () => {
    const { labs } = (await api()).context;
    await labs.packs.start();
    const sample = labs.packs.packs().find((e) => e.pack?.id === 'sample');
    assert.ok(sample, `the sample pack is loaded; packs: ${labs.packs.packs().map((e) => `${e.key} (${e.problems.length} problems)`).join(', ')}`);
    assert.deepEqual(sample.problems, []);
    const tree = labs.tree;
    const pack = packNode(tree, sample.key);
    assert.equal(labelOf(tree, pack), 'Shipshape sample pack');
    assert.match(String(tree.getTreeItem(pack).description), /^0\/170 points · v1\.0\.0 · in this workspace$/);
    const labNodes = tree.getChildren(pack).filter((n) => n.kind === 'lab');
    assert.deepEqual(labNodes.map((n) => labelOf(tree, n)), ['Containers and their limits', 'Namespaces', 'Networks and volumes', 'Images and Dockerfiles', 'Questions']);
    const steps = tree.getChildren(labNodes[0]);
    assert.deepEqual(steps.map((n) => labelOf(tree, n)), ['Run the web server', 'Limit memory, CPU and processes', 'Look inside a container']);
    // A fresh VS Code (its own global storage): nothing done yet, run-web is next, limits needs it.
    const [runWebItem, limitsItem] = steps.map((n) => tree.getTreeItem(n));
    assert.equal(runWebItem!.description, 'next · 0/30 points');
    assert.equal(iconOf(tree, steps[0]!), 'circle-large-outline');
    assert.equal(iconOf(tree, steps[1]!), 'lock');
    assert.equal(limitsItem!.contextValue, 'step.locked');
    assert.equal(runWebItem!.command?.command, 'shipshape.labs.openStep');
  });

  it('opening a pack the view already lists reuses its entry: one runner, one progress file', async () => {
    const shipshape = await api();
    const { labs } = shipshape.context;
    await labs.packs.start();
    const listed = labs.packs.packs().find((e) => e.pack?.id === 'sample')!;
    const sampleDir = path.join(shipshape.context.extension.extensionUri.fsPath, 'test', 'fixtures', 'packs', 'sample');
    const opened = (await vscode.commands.executeCommand<LoadedPack>('shipshape.labs.openPack', `${sampleDir}${path.sep}`))!;
    assert.equal(opened.key, listed.key);
    assert.deepEqual(labs.packs.packs().filter((e) => e.pack?.id === 'sample').map((e) => e.key), [listed.key]);
  });

  it('shows a malformed pack\'s problem in the Labs view and as a diagnostic on its manifest at the right line', async () => {
    const { labs } = (await api()).context;
    const broken = writeBrokenPack();
    dirs.push(broken.dir);
    const loaded = (await vscode.commands.executeCommand<LoadedPack>('shipshape.labs.openPack', broken.dir))!;
    assert.equal(loaded.pack, undefined);
    const tree = labs.tree;
    const pack = packNode(tree, loaded.key);
    assert.equal(iconOf(tree, pack), 'error');
    assert.match(String(tree.getTreeItem(pack).description), /^\d+ problems?$/);
    const notes = tree.getChildren(pack).filter((n) => n.kind === 'note');
    const note = notes.find((n) => n.kind === 'note' && /containr/.test(n.text));
    assert.ok(note, `a note names the unknown kind; notes: ${notes.map((n) => labelOf(tree, n)).join(' | ')}`);
    assert.match(String(tree.getTreeItem(note).description), new RegExp(`^shipshape-pack\\.yaml:${broken.line}:\\d+$`));
    const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(broken.manifest));
    const d = diagnostics.find((x) => /containr/.test(x.message));
    assert.ok(d, `a diagnostic on the manifest names it; diagnostics: ${diagnostics.map((x) => x.message).join(' | ')}`);
    assert.equal(d.range.start.line, broken.line - 1);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, 'shipshape labs');
  });

  it('Check from the Testing view fails with expected/actual diffs while the container is missing', async () => {
    const { labs } = (await api()).context;
    const id = (i: number) => `${entry.key}#web/run/${i}`;
    await runFromTestingView(labs.tests, trial.manifest, () => labs.tests.lastReports.has(id(0)) && labs.tests.lastReports.has(id(1)), 'the Testing view run reports both checks');
    const container = labs.tests.lastReports.get(id(0))!;
    assert.equal(container.status, 'failed', `container check: ${container.messages.map((m) => String(m.message)).join(' | ')}`);
    const diff = container.messages[0]!;
    assert.ok(diff.expectedOutput !== undefined && diff.actualOutput !== undefined, 'a TestMessage.diff with expected and actual');
    assert.notEqual(diff.expectedOutput, diff.actualOutput);
    assert.match(String(diff.message), new RegExp(trial.container));
    assert.equal(labs.tests.lastReports.get(id(1))!.status, 'failed');
    assert.equal(entry.runner!.state('web', 'run').status, 'failed');
  });

  it('a running container that does not publish the port: the step panel shows one passed and one failed check', async () => {
    const { labs } = (await api()).context;
    containerId = await runWeb(false);
    const host = (await vscode.commands.executeCommand<StepHost>('shipshape.labs.openStep', stepNode(labs.tree, entry.key, 'web', 'run')))!;
    await host.act({ type: 'check' });
    const [container, ports] = entry.runner!.state('web', 'run').results;
    assert.equal(container?.status, 'passed');
    assert.equal(ports?.status, 'failed');
    const html = labs.panel.html();
    assert.ok(html, 'the step panel has a page');
    assert.match(html, /<li class="result passed">.*?<span class="name">[^<]*container[^<]*<\/span>/s);
    assert.match(html, new RegExp(`<li class="result failed">.*?<span class="name">[^<]*<\\/span><div class="detail">[^<]*${trial.port}`, 's'));
    assert.match(html, /class="badge failed"/);
    assert.match(html, /0\/10 points|5\/10 points/);
  });

  it('Check from the Labs view passes once the container publishes the port, and the view shows it', async () => {
    const { labs } = (await api()).context;
    await removeContainer(client, containerId!);
    containerId = await runWeb(true);
    const state = await vscode.commands.executeCommand<{ status: string }>('shipshape.labs.checkStep', stepNode(labs.tree, entry.key, 'web', 'run'));
    assert.equal(state?.status, 'passed');
    const node = stepNode(labs.tree, entry.key, 'web', 'run');
    assert.equal(iconOf(labs.tree, node), 'pass-filled');
    assert.match(String(labs.tree.getTreeItem(node).description), /10\/10 points$/);
    await runFromTestingView(labs.tests, trial.manifest, () => labs.tests.lastReports.get(`${entry.key}#web/run/1`)?.status === 'passed', 'the Testing view reports the ports check passed');
    assert.equal(labs.tests.lastReports.get(`${entry.key}#web/run/0`)?.status, 'passed');
  });

  it('progress survives: a fresh LabPacks on the same global storage reads the step as passed', async () => {
    const shipshape = await api();
    await entry.runner!.flush();
    const fresh = new LabPacks(shipshape.context, path.join(shipshape.context.extension.extensionUri.fsPath, 'labs'));
    try {
      const again = await fresh.load('opened', trial.dir);
      assert.notEqual(again.runner, entry.runner);
      const state = again.runner!.state('web', 'run');
      assert.equal(state.status, 'passed');
      assert.deepEqual(again.runner!.points('web', 'run'), { earned: 10, available: 10 });
    } finally {
      fresh.dispose();
    }
  });

  it('un-passes when the container is removed, from the daemon\'s events alone (no Check), and says why', async () => {
    const { labs } = (await api()).context;
    const host = (await vscode.commands.executeCommand<StepHost>('shipshape.labs.openStep', stepNode(labs.tree, entry.key, 'web', 'run')))!;
    assert.equal(labs.openStepHost, host);
    assert.equal(entry.runner!.state('web', 'run').status, 'passed');
    await removeContainer(client, containerId!);
    containerId = undefined;
    await waitFor(() => entry.runner!.state('web', 'run').status !== 'passed', 'the step un-passes on the destroy event', 10_000);
    const state = entry.runner!.state('web', 'run');
    assert.equal(state.status, 'failed');
    assert.ok(state.unpassed, 'the state says it un-passed');
    assert.match(state.unpassed.reason, new RegExp(trial.container));
    await waitFor(() => /un-passed/.test(labs.panel.html() ?? ''), 'the step panel says it un-passed', 5000);
    assert.equal(iconOf(labs.tree, stepNode(labs.tree, entry.key, 'web', 'run')), 'error');
  });

  it('a continuous run from the Testing view keeps watching its step when the panel opens another one, and reports the pass from the daemon\'s events', async () => {
    const { labs } = (await api()).context;
    const tests = labs.tests;
    const stepItem = tests.controller.items.get(entry.key)?.children.get(`${entry.key}#web`)?.children.get(`${entry.key}#web/run`);
    assert.ok(stepItem, 'the step is a test item under its pack and lab');
    const cancel = new vscode.CancellationTokenSource();
    const reports: { id: string; watching: boolean; status: string }[] = [];
    const sub = tests.onDidReport(({ id, report }) => reports.push({ id, watching: report.watching, status: report.status }));
    try {
      const running = tests.profile.runHandler(new vscode.TestRunRequest([stepItem], undefined, tests.profile, true), cancel.token);
      await waitFor(() => reports.some((r) => r.id === `${entry.key}#web/run/0` && !r.watching), 'the continuous run checks once first', 10_000);
      assert.equal(reports.find((r) => r.id === `${entry.key}#web/run/0`)?.status, 'failed');
      // The panel moves to another step: it lets go of "run", the continuous run still holds it.
      await vscode.commands.executeCommand('shipshape.labs.openStep', stepNode(labs.tree, entry.key, 'web', 'marker'));
      containerId = await runWeb(true);
      await waitFor(() => reports.some((r) => r.id === `${entry.key}#web/run/1` && r.watching && r.status === 'passed'), 'the watching run reports the ports check passed, with no Check', 10_000);
      assert.equal(entry.runner!.state('web', 'run').status, 'passed');
      cancel.cancel();
      await running;
    } finally {
      cancel.cancel();
      cancel.dispose();
      sub.dispose();
    }
  });

  it('in a trusted workspace, Solve runs the pack\'s command once agreed (the marker appears) and a script check runs', async () => {
    const shipshape = await api();
    const { labs } = shipshape.context;
    assert.equal(vscode.workspace.isTrusted, true, 'this pass runs with Workspace Trust off (trusted)');
    await trustPack(shipshape.context, entry.pack!);
    const host = (await vscode.commands.executeCommand<StepHost>('shipshape.labs.openStep', stepNode(labs.tree, entry.key, 'web', 'marker')))!;
    assert.equal(fs.existsSync(trial.solveMarker), false);
    await host.act({ type: 'solve' });
    assert.equal(fs.existsSync(trial.solveMarker), true, 'the solve wrote its marker');
    const state = entry.runner!.state('web', 'marker');
    assert.equal(state.status, 'solved');
    assert.equal(state.results[0]?.status, 'passed');
    assert.equal(fs.existsSync(trial.scriptMarker), true, 'the script check wrote its marker');
  });
});
