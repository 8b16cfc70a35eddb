// The `corpus` group (scripts/test.mjs): the parity, robustness and cache checks of the core tests, over
// the external corpus of real Dockerfiles (SHIPSHAPE_CORPUS, else ../shared/corpus/dockerfiles beside
// the repository; test/support/corpus.ts). scripts/test.mjs runs this group only when the corpus is there.
import assert from 'node:assert/strict';
import path from 'node:path';
import { shipshape } from '../cli/cli';
import { corpusLocation, readCorpus } from '../support/corpus';
import { cacheAgreesOverSet, robustnessOverSet } from '../support/lint-sets';
import { parityOverSet } from '../support/parity';

const corpus = readCorpus(); // throws with the reason when the corpus is missing: the group then fails

describe('corpus: the tokenizer against dockerfile-ast', () => parityOverSet(corpus, 200));
describe('corpus: lint robustness', () => robustnessOverSet(corpus, 200));
describe('corpus: per-instruction findings cache', () => cacheAgreesOverSet(corpus, 200));

describe('corpus: shipshape lint on worker threads (the bundled CLI)', () => {
  // ShellCheck (one process per file) is left out here: test/cli/lint-jobs.test.ts runs it on threads, on a smaller set.
  it('--jobs 2 prints byte for byte what --jobs 1 prints over every corpus file, in json and tty, with the same exit status and stderr', function () {
    this.timeout(120_000); // four whole runs over the corpus on a shared machine
    const files = corpus.files.map((f) => path.join(corpusLocation().folder, f.name));
    for (const format of ['json', 'tty']) {
      const one = shipshape(['lint', '--no-shellcheck', '--format', format, '--jobs', '1', ...files]);
      const two = shipshape(['lint', '--no-shellcheck', '--format', format, '--jobs', '2', ...files]);
      assert.ok(one.stdout.length > 10_000, one.stderr);
      assert.deepEqual([two.status, two.stderr, two.stdout], [one.status, one.stderr, one.stdout]);
    }
  });
});
