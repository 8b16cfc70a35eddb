// docs/packs.md's check-kind reference is what the kinds' metas generate now, so it cannot go stale.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHECK_KINDS } from '../../../src/core/labs/checks';
import { CHECK_KINDS_END, fieldTypeWords, reRunWords, renderCheckKinds, withCheckKinds } from '../../../src/core/labs/docs';

const DOC = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'packs.md');

describe('docs/packs.md check kinds', () => {
  it('is generated from the current kinds (run `npm run docs` after changing a kind)', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    assert.equal(doc, withCheckKinds(doc, CHECK_KINDS));
  });

  it('has a section for every registered kind, each with its fields and examples', () => {
    const section = renderCheckKinds(CHECK_KINDS);
    for (const { meta } of CHECK_KINDS) {
      assert.ok(section.includes(`### \`${meta.kind}\`\n`), meta.kind);
      for (const field of Object.keys(meta.fields)) assert.ok(section.includes(`| \`${field}\` |`), `${meta.kind}.${field}`);
      for (const e of meta.examples) assert.ok(section.includes(`${e.title}:\n\n\`\`\`yaml\n${e.yaml.trimEnd()}\n\`\`\``), `${meta.kind}: ${e.title}`);
    }
  });

  it('says what re-runs a kind: its events, or Check and the interval for kinds events cannot cover', () => {
    const kind = (name: string) => CHECK_KINDS.find((k) => k.meta.kind === name)!.meta;
    assert.match(reRunWords(kind('network')), /network events \(create, connect, disconnect, destroy\) or container events/);
    assert.match(reRunWords(kind('http')), /at the check's `interval` while the step panel is visible/);
    const script = renderCheckKinds([CHECK_KINDS.find((k) => k.meta.kind === 'script')!]);
    assert.match(script, /- Trusted workspaces only/);
    const quiz = renderCheckKinds([CHECK_KINDS.find((k) => k.meta.kind === 'quiz')!]);
    assert.match(quiz, /the self-test\) leaves it out/);
  });

  it('writes a field type with its unit, and an enum as its values', () => {
    assert.equal(fieldTypeWords({ type: 'bytes', unit: 'bytes (256m, 1g)', description: '' }), 'bytes: bytes (256m, 1g)');
    assert.equal(fieldTypeWords({ type: 'enum', values: ['private', 'host'], description: '' }), 'one of `private`, `host`');
    assert.equal(fieldTypeWords({ type: 'string[]', description: '' }), 'list of strings');
  });

  it('replaces only what lies between the markers, and refuses a document without them', () => {
    const doc = `before\n<!-- check-kinds:start old -->\nstale\n${CHECK_KINDS_END}\nafter\n`;
    const out = withCheckKinds(doc, CHECK_KINDS.slice(0, 1));
    assert.ok(out.startsWith('before\n<!-- check-kinds:start'));
    assert.ok(out.endsWith(`${CHECK_KINDS_END}\nafter\n`));
    assert.ok(!out.includes('stale'));
    assert.throws(() => withCheckKinds('no markers here', CHECK_KINDS), /docs\/packs\.md has no "<!-- check-kinds:start … -->"/);
  });
});
