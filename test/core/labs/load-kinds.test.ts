// The loader with the registered check kinds: what a kind's own validate() finds is reported at the
// field, and the pack "New Lab Pack…" writes loads clean.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatProblem, loadPack } from '../../../src/core/labs/load';
import { scaffoldPack } from '../../../src/core/labs/scaffold';

function writeFiles(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-kinds-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('core/labs/load with the registered check kinds', () => {
  it('the pack New Lab Pack… scaffolds loads without a problem', async () => {
    const root = writeFiles(scaffoldPack('my-pack'));
    try {
      const { pack, problems } = await loadPack(root);
      assert.deepEqual(problems.map(formatProblem), []);
      assert.equal(pack?.labs[0]?.steps[0]?.checks[0]?.kind, 'container');
      assert.equal(pack?.labs[0]?.steps[0]?.solve?.commands[0]?.kind, 'argv');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports what a kind validates beyond field types at the field: an http check of a host that is not this machine', async () => {
    const files = scaffoldPack('my-pack');
    files['shipshape-pack.yaml'] = files['shipshape-pack.yaml']!.replace('          - kind: container\n', '          - kind: http\n            url: http://example.com:8080/\n          - kind: container\n');
    const root = writeFiles(files);
    try {
      const { pack, problems } = await loadPack(root);
      assert.equal(pack, undefined);
      const printed = problems.map((p) => formatProblem({ ...p, file: path.relative(root, p.file) }));
      assert.equal(printed.length, 1, printed.join('\n'));
      assert.match(printed[0]!, /^shipshape-pack\.yaml:30:18: url: http:\/\/example\.com:8080\/: checks send traffic only to this machine .*\n  hint: publish the container's port on this machine/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes expectBeforeSolve (failed, errored or passed) as a common check field, and refuses another value', async () => {
    const files = scaffoldPack('my-pack');
    const manifest = files['shipshape-pack.yaml']!;
    const root = writeFiles({ ...files, 'shipshape-pack.yaml': manifest.replace('            timeout: 5s\n', '            timeout: 5s\n            expectBeforeSolve: errored\n') });
    const bad = writeFiles({ ...files, 'shipshape-pack.yaml': manifest.replace('            timeout: 5s\n', '            timeout: 5s\n            expectBeforeSolve: solved\n') });
    try {
      const good = await loadPack(root);
      assert.equal(good.pack?.labs[0]?.steps[0]?.checks[0]?.expectBeforeSolve, 'errored');
      const refused = await loadPack(bad);
      assert.equal(refused.pack, undefined);
      assert.match(refused.problems.map(formatProblem).join('\n'), /shipshape-pack\.yaml:33:32: expectBeforeSolve: "solved" is not failed, errored or passed\n  hint: write failed/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });

  it('judges the text it is given instead of the file when asked (the editor\'s unsaved manifest)', async () => {
    const root = writeFiles(scaffoldPack('my-pack'));
    try {
      const { problems } = await loadPack(root, { manifestText: fs.readFileSync(path.join(root, 'shipshape-pack.yaml'), 'utf8').replace('title: my-pack', 'titel: my-pack') });
      assert.deepEqual(problems.map((p) => formatProblem({ ...p, file: path.relative(root, p.file) })), ['shipshape-pack.yaml:4:1: unknown key "titel" in the manifest\n  hint: did you mean "title"?']);
      assert.deepEqual((await loadPack(root)).problems, [], 'the file itself is unchanged and clean');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
