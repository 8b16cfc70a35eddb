// Run only in the second VS Code that scripts/test-extension.mjs starts in Restricted Mode: Build and
// Measure would run the Dockerfile's RUN instructions, so it is refused and nothing is built. The trusted
// side (the build happens) is layers.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import { UNTRUSTED_BUILD, type BuildOutcome } from '../../../src/extension/layers/build';
import { testClient, uniqueName } from '../../support/daemon';

describe('Layer sizes in an untrusted workspace (Restricted Mode, real VS Code)', () => {
  it('Build and Measure is refused and builds nothing: no image gets the tag, the RUN never ran', async () => {
    await vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape')!.activate();
    assert.equal(vscode.workspace.isTrusted, false, 'this VS Code opened the folder in Restricted Mode');
    const dir = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'layers-untrusted');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'Dockerfile');
    fs.writeFileSync(file, 'FROM busybox\nRUN echo ran > /ran\n');
    const tag = `${uniqueName('layers-untrusted')}:1`;
    try {
      const outcome = await vscode.commands.executeCommand<BuildOutcome>('shipshape.layers.build', { dockerfile: vscode.Uri.file(file), tag, builder: 'legacy' });
      assert.deepEqual(outcome, { outcome: 'untrusted' });
      assert.match(UNTRUSTED_BUILD, /off in Restricted Mode\. Trust this workspace/);
      const found = await testClient().api.getImage(tag).inspect().then(() => true, (error: { statusCode?: number }) => (error.statusCode === 404 ? false : Promise.reject(error)));
      assert.equal(found, false, `no image ${tag} was built`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
