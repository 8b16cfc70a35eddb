// Layer sizes in a real VS Code against the real daemon: Build and Measure, the lenses it leaves, stale
// markers after an edit, a failed build's diagnostic, cancelling a build, Analyse Image's report and a
// lint finding's measured hint. Every image is built FROM busybox with a unique tag and removed after.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import type { AnalyseOutcome } from '../../../src/extension/layers/analyse';
import type { BuildOutcome } from '../../../src/extension/layers/build';
import { METADATA_ONLY, STALE, bytes, imageSummary } from '../../../src/extension/layers/sizes';
import { TEST_LABEL, testClient, uniqueName } from '../../support/daemon';
import { waitFor } from '../../support/wait';

const MiB = 1024 * 1024;
const labels = { [TEST_LABEL]: 'true' };
const workspace = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

/** A Dockerfile in a folder of its own in the workspace, open in an editor. */
async function dockerfile(folder: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(workspace(), folder, 'Dockerfile');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  return document;
}

async function lenses(document: vscode.TextDocument): Promise<Map<number, string[]>> {
  const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
  const byLine = new Map<number, string[]>();
  for (const lens of found) byLine.set(lens.range.start.line, [...(byLine.get(lens.range.start.line) ?? []), lens.command?.title ?? '']);
  return byLine;
}

const MEASURED = ['FROM busybox', 'RUN dd if=/dev/zero of=/big bs=1048576 count=5', 'ENV GREETING=hi', 'RUN rm /big', 'RUN echo hello > /hello.txt', ''].join('\n');

describe('Layer sizes in the editor (real VS Code, real daemon)', function () {
  this.timeout(180_000);
  const client = testClient();
  const tags: string[] = [];
  const tag = (prefix: string) => {
    const t = `${uniqueName(prefix)}:1`;
    tags.push(t);
    return t;
  };

  before(async () => {
    await vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape')!.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const t of tags) {
      await client.api.getImage(t).remove({ force: true }).catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
    }
  });

  let built: Extract<BuildOutcome, { outcome: 'built' }>;
  let measured: vscode.TextDocument;

  it('Build and Measure puts each instruction\'s size on it as a CodeLens, matching the analysis', async () => {
    measured = await dockerfile('layers-measured', MEASURED);
    const outcome = await vscode.commands.executeCommand<BuildOutcome>('shipshape.layers.build', { dockerfile: measured.uri, tag: tag('layers'), builder: 'legacy', labels });
    assert.equal(outcome?.outcome, 'built', JSON.stringify(outcome));
    built = outcome as typeof built;
    const { analysis } = built;
    const layers = analysis.layers;
    const [dd, rm, echo] = layers.slice(-3);
    assert.equal(dd!.size, 5 * MiB, 'the dd layer holds the 5 MiB file');
    const base = layers.slice(0, -3);
    const at = await lenses(measured);
    assert.deepEqual(at.get(0), [
      'Build and Measure',
      imageSummary(analysis),
      `base: ${bytes(base.reduce((n, l) => n + l.size, 0))}, ${base.length} layer${base.length === 1 ? '' : 's'}`,
    ]);
    assert.equal(analysis.recoverableBytes, 5 * MiB, 'the summary on FROM says the 5 MiB are recoverable');
    assert.deepEqual(at.get(1), [`${bytes(5 * MiB)} · ${Math.round((5 * MiB * 100) / analysis.size)}% · ${bytes(5 * MiB)} wasted`]);
    assert.deepEqual(at.get(2), [METADATA_ONLY]);
    assert.equal(rm!.size, 0);
    assert.deepEqual(at.get(3), [`0 B · 0% · hides ${bytes(5 * MiB)} of earlier layers`]);
    assert.deepEqual(at.get(4), [`${bytes(echo!.size)} · ${echo!.size * 100 < analysis.size ? '<1%' : `${Math.round((echo!.size * 100) / analysis.size)}%`}`]);
  });

  it('with the default builder (auto: BuildKit through the Engine API on this daemon) the lenses show the same sizes', async () => {
    const document = await dockerfile('layers-buildkit', MEASURED);
    const outcome = await vscode.commands.executeCommand<BuildOutcome>('shipshape.layers.build', { dockerfile: document.uri, tag: tag('layers-bk'), labels });
    assert.equal(outcome?.outcome, 'built', JSON.stringify(outcome));
    const { record, analysis } = outcome as Extract<BuildOutcome, { outcome: 'built' }>;
    assert.equal(record.builder, 'buildkit');
    assert.ok(analysis.history.some((h) => h.comment === 'buildkit.dockerfile.v0'), 'a BuildKit history');
    const at = await lenses(document);
    assert.deepEqual(at.get(1), [`${bytes(5 * MiB)} · ${Math.round((5 * MiB * 100) / analysis.size)}% · ${bytes(5 * MiB)} wasted`]);
    assert.deepEqual(at.get(2), [METADATA_ONLY]);
    assert.deepEqual(at.get(3), [`0 B · 0% · hides ${bytes(5 * MiB)} of earlier layers`]);
  });

  it('editing an instruction marks it stale and leaves the others\' sizes, moved with their lines', async () => {
    assert.ok(built, 'needs the build of the first test');
    const editor = await vscode.window.showTextDocument(measured);
    const ok = await editor.edit((e) => {
      e.replace(new vscode.Range(4, 0, 4, measured.lineAt(4).text.length), 'RUN echo bye > /hello.txt');
      e.insert(new vscode.Position(0, 0), '# a note\n');
    });
    assert.ok(ok);
    try {
      const at = await lenses(measured);
      assert.deepEqual(at.get(5), [STALE]);
      assert.ok(at.get(1)?.some((t) => t.startsWith('base: ')), `FROM moved to line 2 keeps its base size: ${at.get(1)}`);
      assert.deepEqual(at.get(2), [`${bytes(5 * MiB)} · ${Math.round((5 * MiB * 100) / built.analysis.size)}% · ${bytes(5 * MiB)} wasted`]);
      assert.deepEqual(at.get(3), [METADATA_ONLY]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('hovering the dd line shows the largest file its layer added and what removed it', async () => {
    assert.ok(built, 'needs the build of the first test');
    await waitFor(() => measured.getText() === MEASURED, 'the reverted Dockerfile');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', measured.uri, new vscode.Position(1, 5))) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Largest files it added:\n\n- `\/big` 5\.24 MB/);
    assert.match(text, /`\/big` 5\.24 MB, deleted by line 4/);
  });

  it('a measured hint joins the DL3059 finding on consecutive RUNs, and a RUN rm of an earlier layer\'s file gets a measured finding (in the lint feature\'s own diagnostics)', async () => {
    assert.ok(built, 'needs the build of the first test');
    const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
    const all = () => vscode.languages.getDiagnostics(measured.uri);
    const find = () => all().find((d) => codeOf(d) === 'DL3059');
    await waitFor(() => /measured in /.test(find()?.message ?? ''), `DL3059 with a measured figure (have: ${find()?.message})`, 20_000);
    const d = find()!;
    assert.equal(d.range.start.line, 4);
    assert.match(d.message, new RegExp(`\\(measured in ${built.record.tag.replace(/[.:/]/g, '\\$&')}: these RUNs made layers of 0 B and \\d+ B; 0 B written by the first and removed by the second\\)$`));
    assert.equal(all().filter((x) => codeOf(x) === 'DL3059').length, 1, 'one diagnostic per finding, not a second collection');
    const removes = all().find((x) => codeOf(x) === 'RemovesEarlierLayerFiles');
    assert.ok(removes, `a measured finding on RUN rm (have: ${all().map(codeOf).join(', ')})`);
    assert.equal(removes.range.start.line, 3);
    assert.match(removes.message, /removes 5\.24 MB an earlier layer still ships/);
  });

  it('Analyse Image on an image argument opens its report as a read-only document', async () => {
    assert.ok(built, 'needs the build of the first test');
    const outcome = await vscode.commands.executeCommand<AnalyseOutcome>('shipshape.layers.analyseImage', { image: built.record.tag, dockerfile: null });
    assert.ok(outcome, 'an outcome');
    assert.equal(outcome.analysis.id, built.record.imageId);
    const active = vscode.window.activeTextEditor?.document;
    assert.equal(active?.uri.toString(), outcome.report.toString());
    assert.notEqual(active!.uri.scheme, 'file');
    assert.ok(active!.getText().includes(built.record.imageId.slice(7, 19)), `the report names the image:\n${active!.getText().slice(0, 400)}`);
    assert.deepEqual(outcome.mappedOn, [measured.uri.fsPath], 'the build record links the image to its Dockerfile');
  });

  it('Analyse Image from an Images node, mapped on a Dockerfile without a record, shows its sizes there; on another Dockerfile, the mismatch once on FROM', async () => {
    assert.ok(built, 'needs the build of the first test');
    const copy = await dockerfile('layers-mapped', MEASURED);
    const node = { kind: 'image', image: { id: built.record.imageId, tags: [built.record.tag], size: built.analysis.size, created: '' } };
    const outcome = await vscode.commands.executeCommand<AnalyseOutcome>('shipshape.layers.analyseImage', { ...node, dockerfile: copy.uri });
    assert.ok(outcome?.mappedOn.includes(copy.uri.fsPath));
    assert.deepEqual((await lenses(copy)).get(1), [`${bytes(5 * MiB)} · ${Math.round((5 * MiB * 100) / built.analysis.size)}% · ${bytes(5 * MiB)} wasted`]);

    const other = await dockerfile('layers-other', 'FROM busybox\nRUN echo another > /x\n');
    await vscode.commands.executeCommand<AnalyseOutcome>('shipshape.layers.analyseImage', { image: built.record.tag, dockerfile: other.uri });
    const at = await lenses(other);
    assert.equal(at.get(0)?.length, 2, `Build and Measure and one mismatch: ${at.get(0)}`);
    assert.match(at.get(0)![1]!, /^sizes unavailable: 2:1: `RUN echo another > \/x` does not match the image: .*\(Rebuild the image from this Dockerfile/);
    assert.equal(at.get(1), undefined, 'nothing on the other lines');
  });

  it('the shipshape.layers.codeLens setting switches the lenses off', async () => {
    assert.ok(built, 'needs the build of the first test');
    await vscode.workspace.getConfiguration('shipshape').update('layers.codeLens', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal((await lenses(measured)).size, 0);
    } finally {
      await vscode.workspace.getConfiguration('shipshape').update('layers.codeLens', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.ok((await lenses(measured)).size > 3);
  });

  it('a failing build puts the builder\'s message on the failing instruction; the next good build clears it', async () => {
    const document = await dockerfile('layers-failing', 'FROM busybox\nRUN true\nRUN echo broken && exit 3\n');
    const t = tag('layers-fail');
    const outcome = await vscode.commands.executeCommand<BuildOutcome>('shipshape.layers.build', { dockerfile: document.uri, tag: t, builder: 'legacy', labels });
    assert.equal(outcome?.outcome, 'failed', JSON.stringify(outcome));
    const diagnostics = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'shipshape build');
    assert.equal(diagnostics().length, 1);
    assert.equal(diagnostics()[0]!.range.start.line, 2);
    assert.match(diagnostics()[0]!.message, /exit|code: 3|returned a non-zero code/i);
    fs.writeFileSync(document.uri.fsPath, 'FROM busybox\nRUN true\nRUN echo fixed\n');
    await waitFor(() => document.getText().includes('fixed'), 'the editor re-read the fixed file', 10_000);
    const again = await vscode.commands.executeCommand<BuildOutcome>('shipshape.layers.build', { dockerfile: document.uri, tag: t, builder: 'legacy', labels });
    assert.equal(again?.outcome, 'built', JSON.stringify(again));
    assert.equal(diagnostics().length, 0);
  });

  it('cancelling stops a RUN sleep 60 build within seconds and tags nothing', async () => {
    const document = await dockerfile('layers-slow', 'FROM busybox\nRUN sleep 60\n');
    const t = tag('layers-slow');
    const cancel = new vscode.CancellationTokenSource();
    const started = Date.now();
    setTimeout(() => cancel.cancel(), 3000);
    const outcome = await vscode.commands.executeCommand<BuildOutcome>('shipshape.layers.build', { dockerfile: document.uri, tag: t, builder: 'legacy', labels, cancel: cancel.token });
    assert.equal(outcome?.outcome, 'cancelled', JSON.stringify(outcome));
    assert.ok(Date.now() - started < 25_000, `stopped after ${Date.now() - started} ms`);
    await assert.rejects(client.api.getImage(t).inspect(), (e: { statusCode?: number }) => e.statusCode === 404);
  });
});
