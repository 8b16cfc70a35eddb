// Every registered check kind declares itself completely, and each example it offers (they are printed
// in docs/packs.md) is a check the loader accepts: written into a pack and loaded with loadPack, with no
// problem at all, its fields parsed as the kind declares them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { CheckKind } from '../../../../src/core/labs/check';
import { CHECK_KINDS, CHECK_KIND_BY_NAME } from '../../../../src/core/labs/checks';
import { formatProblem, loadPack } from '../../../../src/core/labs/load';

/** A pack with one step whose checks are the kind's examples, in order. */
function examplePack(kind: CheckKind): string {
  const checks = kind.meta.examples.flatMap((e) => e.yaml.trimEnd().split('\n').map((line, i) => `${i === 0 ? '          - ' : '            '}${line}`));
  const manifest = ['schemaVersion: 1', 'id: examples', 'title: Examples', 'version: 1.0.0', 'labs:', '  - id: lab', '    title: Lab', '    steps:', '      - id: step', '        title: Step', '        body: step.md', '        checks:', ...checks, ''].join('\n');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-examples-${kind.meta.kind}-`));
  fs.writeFileSync(path.join(root, 'shipshape-pack.yaml'), manifest);
  fs.writeFileSync(path.join(root, 'step.md'), '# Step\n');
  return root;
}

describe('labs check kinds: metas and examples', () => {
  it('registers network, volume, image, dockerfile, swarm, http, quiz and script once each', () => {
    for (const kind of ['network', 'volume', 'image', 'dockerfile', 'swarm', 'http', 'quiz', 'script']) assert.ok(CHECK_KIND_BY_NAME.has(kind), kind);
    assert.equal(CHECK_KIND_BY_NAME.size, CHECK_KINDS.length, 'two kinds share a name');
  });

  for (const kind of CHECK_KINDS)
    describe(kind.meta.kind, () => {
      it('has a description, fields with descriptions, and at least one example', () => {
        assert.ok(kind.meta.description.length > 20);
        for (const [name, spec] of Object.entries(kind.meta.fields)) assert.ok(spec.description, `${name} has no description`);
        assert.ok(kind.meta.examples.length > 0);
      });

      it(`its ${kind.meta.examples.length} examples load through the loader without a problem, each field parsed`, async () => {
        const root = examplePack(kind);
        try {
          const { pack, problems } = await loadPack(root);
          assert.deepEqual(problems.map((p) => formatProblem({ ...p, file: path.relative(root, p.file) })), []);
          const checks = pack!.labs[0]!.steps[0]!.checks;
          assert.equal(checks.length, kind.meta.examples.length);
          checks.forEach((check, i) => {
            const written = YAML.parse(kind.meta.examples[i]!.yaml) as Record<string, unknown>;
            assert.equal(check.kind, kind.meta.kind, `example ${i + 1} is of another kind`);
            assert.deepEqual(Object.keys(check.fields).sort(), Object.keys(written).filter((k) => k in kind.meta.fields).sort(), `example ${i + 1}: a field was dropped`);
            assert.ok(kind.title(check.fields).length > 0);
          });
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      });
    });
});
