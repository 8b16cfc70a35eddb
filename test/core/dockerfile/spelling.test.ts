import assert from 'node:assert/strict';
import { closest, levenshtein, suggestName } from '../../../src/core/dockerfile/spelling';

describe('core/dockerfile/spelling', () => {
  it('closest finds a typo, counting a swap of neighbours as one edit', () => {
    assert.equal(closest('chwon', ['chown', 'chmod', 'from']), 'chown');
    assert.equal(closest('FORM', ['from', 'run']), 'from');
    assert.equal(closest('Plattform', ['platform']), 'platform');
  });

  it('closest stays quiet for short words and distant ones', () => {
    assert.equal(closest('rn', ['run']), undefined);
    assert.equal(closest('cpy', ['copy', 'cmd']), 'copy');
    assert.equal(closest('xyzw', ['copy']), undefined);
    assert.equal(closest('abcdefg', ['abcxyzg']), undefined);
    assert.equal(closest('anything', []), undefined);
  });

  it('suggestName is BuildKit\'s suggestion: case-sensitive, distance below 3, none for a known name', () => {
    assert.equal(suggestName('PAHT', ['PATH', 'HOME']), 'PATH');
    assert.equal(suggestName('PATH', ['PATH', 'PAT']), undefined);
    assert.equal(suggestName('path', ['PATH']), undefined);
    assert.equal(suggestName('VERSON', new Set(['VERSION', 'VARS'])), 'VERSION');
  });

  it('levenshtein counts edits and gives up at the limit', () => {
    assert.equal(levenshtein('kitten', 'sitting', 10), 3);
    assert.equal(levenshtein('same', 'same', 3), 0);
    assert.equal(levenshtein('a', 'abcdef', 3), 3);
  });
});
