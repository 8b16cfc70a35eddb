// Run only in the second VS Code that scripts/test-extension.mjs starts with Workspace Trust on and
// the folder not trusted (Restricted Mode): a pack's commands are held back. Its solve and its
// script check would each write a marker file; neither may appear. The trusted side of the same
// pack (the markers do appear) is in labs.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import type { LoadedPack } from '../../../src/extension/labs/packs';
import type { StepHost } from '../../../src/extension/labs/steps';
import { trustPack } from '../../../src/extension/labs/trust';
import { removeDir, writeTrialPack } from '../../support/trial-pack';

describe('Labs in an untrusted workspace (Restricted Mode, real VS Code)', () => {
  it('runs no pack command: Solve and the script check are held back, no marker is written, the view says why', async () => {
    const extension = vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape');
    assert.ok(extension);
    const shipshape = await extension.activate();
    assert.equal(vscode.workspace.isTrusted, false, 'this VS Code opened the folder in Restricted Mode');
    const trial = writeTrialPack(1);
    try {
      const entry = (await vscode.commands.executeCommand<LoadedPack>('shipshape.labs.openPack', trial.dir))!;
      assert.ok(entry.pack);
      // Even an earlier agreement to this pack's commands does not let them run without Workspace Trust.
      await trustPack(shipshape.context, entry.pack);
      const tree = shipshape.context.labs.tree;
      const pack = tree.getChildren().find((n) => n.kind === 'pack' && n.entry.key === entry.key)!;
      const notes = tree.getChildren(pack).filter((n) => n.kind === 'note').map((n) => String(tree.getTreeItem(n).label));
      assert.ok(notes.some((t) => /Restricted Mode.*held back/.test(t)), `the view says what is held back: ${notes.join(' | ')}`);
      const host = (await vscode.commands.executeCommand<StepHost>('shipshape.labs.openStep', { pack: entry.key, labId: 'web', stepId: 'marker' }))!;
      const content = host.content();
      assert.equal(content.canSolve, false);
      assert.match(content.solveHeldBack ?? '', /trusted workspace/);
      await host.act({ type: 'solve' });
      await host.act({ type: 'check' });
      const state = entry.runner!.state('web', 'marker');
      assert.equal(state.results[0]?.status, 'errored');
      assert.match(state.results[0]?.error ?? '', /held back: a script check runs only in a trusted workspace/);
      assert.notEqual(state.status, 'solved');
      assert.equal(fs.existsSync(trial.solveMarker), false, 'the solve did not run');
      assert.equal(fs.existsSync(trial.scriptMarker), false, 'the script check did not run');
    } finally {
      removeDir(trial.dir);
    }
  });
});
