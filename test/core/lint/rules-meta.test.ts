// Every registered rule: complete metadata, honest examples (the bad one triggers it, the good
// one does not), unique ids and aliases, and an index that lists every rule file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from '../../../src/core/lint/engine';
import { allRules } from '../../../src/core/lint/rules';
import { SEVERITIES } from '../../../src/core/lint/types';
import { linterFor } from './rule-tester';
import { exampleOptions } from '../../../src/core/lint/examples';

const rulesDir = path.resolve(__dirname, '..', '..', '..', '..', 'src', 'core', 'lint', 'rules');

describe('lint rule registry', () => {
  it('lists every rule file in src/core/lint/rules (run scripts/gen-rule-index.mjs after adding one)', () => {
    const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(allRules.map((r) => r.meta.id).sort(), files);
  });

  it('has no id or alias claimed twice', () => {
    const seen = new Map<string, string>();
    for (const rule of allRules) {
      for (const id of [rule.meta.id]) {
        assert.ok(!seen.has(id), `${id} is the id of ${rule.meta.id} and of ${seen.get(id)}`);
        seen.set(id, rule.meta.id);
      }
    }
    for (const rule of allRules) for (const alias of rule.meta.aliases ?? []) assert.ok(!allRules.some((r) => r.meta.id === alias), `alias ${alias} of ${rule.meta.id} is also a rule id`);
  });

  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      let linter: Linter;
      before(async () => (linter = await linterFor(rule)));

      it('has complete metadata', () => {
        const m = rule.meta;
        assert.ok(SEVERITIES.includes(m.severity), 'severity');
        assert.ok(m.description.length > 5 && !m.description.includes('\n'), 'one-line description');
        assert.ok(m.rationale.length > 20, 'rationale');
        assert.match(m.docs, /^https:\/\//);
        assert.ok(m.examples.bad && m.examples.good, 'examples');
      });

      it('reports its bad example and not its good one (with the context its examples declare)', () => {
        const options = exampleOptions(rule.meta);
        assert.ok(linter.lint(rule.meta.examples.bad, options).some((f) => f.code === rule.meta.id), `bad example does not trigger ${rule.meta.id}`);
        assert.deepEqual(linter.lint(rule.meta.examples.good, options).filter((f) => f.code === rule.meta.id).map((f) => f.message), []);
      });
    });
  }
});

describe('docs/rules.md', () => {
  it('is generated from the current rules (run `npm run docs` after changing a rule)', () => {
    const { renderRulesIndex } = require('../../../src/core/lint/docs') as typeof import('../../../src/core/lint/docs');
    const file = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules.md');
    assert.ok(fs.existsSync(file), 'docs/rules.md exists');
    assert.equal(fs.readFileSync(file, 'utf8'), renderRulesIndex(allRules));
  });
});

describe('rules that read stage state', () => {
  // Rules whose findings depend on what earlier instructions of the stage set (SHELL, WORKDIR, ENV, ARG, USER,
  // HEALTHCHECK, CMD/ENTRYPOINT, LABEL) or on which stages reach an image. UndefinedVar (ARG/ENV) is documented by its own owner.
  const READS_STAGE_STATE = ['DL3000', 'DL3002', 'DL3009', 'DL3012', 'DL3025', 'DL3042', 'DL3044', 'DL3045', 'DL3049', 'DL3057', 'DL3059', 'DL3060', 'DL3066', 'DL4001', 'DL4003', 'DL4004', 'DL4006'];
  for (const id of READS_STAGE_STATE) {
    it(`${id} says how it treats a stage built FROM an earlier stage`, () => {
      const meta = allRules.find((r) => r.meta.id === id)?.meta;
      assert.ok(meta, `${id} is a rule`);
      assert.ok(meta.stages && meta.stages.note.length > 20, `${id} needs meta.stages (inherits or per-stage, and a note saying after whom)`);
    });
  }

  it('each rule page says which comments silence it, with its BuildKit name where it has one', () => {
    const { renderRuleDoc } = require('../../../src/core/lint/docs') as typeof import('../../../src/core/lint/docs');
    for (const { meta } of allRules) {
      const page = renderRuleDoc(meta);
      assert.ok(page.includes(`# hadolint ignore=`), `${meta.id}: hadolint ignore`);
      const names = meta.source === 'buildkit' ? [meta.id] : meta.source === 'hadolint' ? (meta.aliases ?? []) : [];
      if (!meta.experimental) for (const name of names) assert.ok(page.includes(`# check=skip=${name}`), `${meta.id}: # check=skip=${name}`);
    }
  });
});
