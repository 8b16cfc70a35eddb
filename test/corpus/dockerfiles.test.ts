// The `corpus` group (scripts/test.mjs): the parity, robustness and cache checks of the core tests, over
// the external corpus of real Dockerfiles (SHIPSHAPE_CORPUS, else ../shared/corpus/dockerfiles beside
// the repository; test/support/corpus.ts). scripts/test.mjs runs this group only when the corpus is there.
import { readCorpus } from '../support/corpus';
import { cacheAgreesOverSet, robustnessOverSet } from '../support/lint-sets';
import { parityOverSet } from '../support/parity';

const corpus = readCorpus(); // throws with the reason when the corpus is missing: the group then fails

describe('corpus: the tokenizer against dockerfile-ast', () => parityOverSet(corpus, 200));
describe('corpus: lint robustness', () => robustnessOverSet(corpus, 200));
describe('corpus: per-instruction findings cache', () => cacheAgreesOverSet(corpus, 200));
