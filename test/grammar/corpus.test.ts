// The `grammar` group (scripts/test.mjs): our Dockerfile grammar over every file of the external corpus
// (test/support/corpus.ts says where it is), tokenized line by line as VS Code does. Fails on a tokenizer
// error, on a line that hits the time limit, on a rule still open at end of file, and on a file whose
// highlighting changed since corpus.snapshot.json (SHIPSHAPE_UPDATE_SNAPSHOTS=1 rewrites it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { readCorpus } from '../support/corpus';
import { type FileTokenization, grammarFiles, loadOurGrammar, repoRoot, tokenizeFile } from '../support/grammars';

const snapshotFile = path.join(repoRoot, 'test', 'grammar', 'corpus.snapshot.json');
const updating = /^(1|true)$/i.test(process.env.SHIPSHAPE_UPDATE_SNAPSHOTS ?? '');

interface Snapshot {
  /** The grammar the digests were taken with, relative to the repository. */
  grammar: string;
  /** The code-server (VS Code) version whose built-in shell grammar ours embeds. */
  vscode: string;
  digests: Record<string, string>;
}

describe('grammar: our Dockerfile grammar over the corpus', function () {
  this.timeout(300_000); // ~500 files with an embedded shell grammar, on a shared machine
  const corpus = readCorpus(); // throws with the reason when the corpus is missing: the group then fails
  const files = grammarFiles();
  const results = new Map<string, FileTokenization>();
  let grammar: IGrammar;

  before(async () => {
    grammar = await loadOurGrammar(files);
    for (const file of corpus.files) results.set(file.name, tokenizeFile(grammar, file.name, file.text));
  });

  it(`tokenizes all ${corpus.files.length} files with no tokenizer error and no line stopped at the time limit`, () => {
    const problems = [...results.values()].flatMap((r) => r.problems);
    assert.deepEqual(problems, []);
  });

  it('leaves no rule open at end of any file (every heredoc, continuation and string ends)', () => {
    const open = [...results.values()].flatMap((r) => r.unterminated);
    assert.deepEqual(open, []);
  });

  it('highlights every file as corpus.snapshot.json recorded (SHIPSHAPE_UPDATE_SNAPSHOTS=1 to accept a change)', () => {
    const current: Snapshot = {
      grammar: path.relative(repoRoot, files.ours).split(path.sep).join('/'),
      vscode: files.vscodeVersion,
      digests: Object.fromEntries([...results].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, r]) => [name, r.digest])),
    };
    if (updating) {
      fs.writeFileSync(snapshotFile, `${JSON.stringify(current, null, 2)}\n`);
      return;
    }
    assert.ok(fs.existsSync(snapshotFile), `no ${snapshotFile}: run the grammar tests with SHIPSHAPE_UPDATE_SNAPSHOTS=1 to write it`);
    const recorded = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as Snapshot;
    assert.equal(current.grammar, recorded.grammar, 'the snapshot was taken with another grammar file: rerun with SHIPSHAPE_UPDATE_SNAPSHOTS=1');
    assert.equal(current.vscode, recorded.vscode, "the snapshot was taken with another VS Code's shell grammar: rerun with SHIPSHAPE_UPDATE_SNAPSHOTS=1");
    const names = new Set([...Object.keys(current.digests), ...Object.keys(recorded.digests)]);
    const changed = [...names].filter((n) => current.digests[n] !== recorded.digests[n]).sort();
    const describe = (n: string) => (!(n in recorded.digests) ? `${n} (not in the snapshot)` : !(n in current.digests) ? `${n} (gone from the corpus)` : n);
    assert.deepEqual(changed.map(describe), [], `highlighting changed in ${changed.length} file(s); if intended, rerun with SHIPSHAPE_UPDATE_SNAPSHOTS=1`);
  });
});
