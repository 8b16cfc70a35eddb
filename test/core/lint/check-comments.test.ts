// BuildKit's check comments right above an instruction (`# check=skip=…`), read as BuildKit reads them.
import assert from 'node:assert/strict';
import { Linter } from '../../../src/core/lint/engine';
import { defineRule, everyInstruction } from '../../../src/core/lint/define';
import { readCheckComments } from '../../../src/core/lint/pragmas';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import DL3025 from '../../../src/core/lint/rules/DL3025';
import DL3006 from '../../../src/core/lint/rules/DL3006';

const meta = { source: 'buildkit' as const, severity: 'warning' as const, description: 'x', rationale: 'x'.repeat(30), examples: { bad: '', good: '' }, docs: 'https://x', fixable: false };
// A BuildKit check on every instruction, ONBUILD triggers included.
const every = defineRule({ ...meta, id: 'FakeEvery' }, (ctx) => everyInstruction(ctx.model).forEach((i) => ctx.report({ range: i.keywordRange, message: i.keyword })));
const fileLevel = defineRule({ ...meta, id: 'FakeFileLevel', fileLevelCheck: true }, every.check);
const experimental = defineRule({ ...meta, id: 'FakeExperimental', experimental: true, offByDefault: true }, every.check);

describe('core/lint check comments above instructions', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create({ rules: [every, fileLevel, experimental, DL3025, DL3006] })));
  /** The 1-based lines `code` reports on. */
  const lines = (text: string, code = 'FakeEvery') => linter.lint(text).filter((f) => f.code === code).map((f) => f.range.start.line + 1);

  it('skip=<name> applies to the instruction below only', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery\nRUN x\nRUN y\n'), [1, 4]);
  });

  it('skip=all applies to the instruction below only', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=all\nRUN x\nRUN y\n'), [1, 4]);
  });

  it('text after the value (`// why`) is ignored, as BuildKit cuts the value at its first space', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery // allowed here\nRUN x\n'), [1]);
    assert.deepEqual(lines('FROM a\n# check=skip=all // local to this one\nRUN x\n'), [1]);
  });

  it('several names separated by commas; a space after a comma ends the list (as BuildKit)', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=Other,FakeEvery\nRUN x\n'), [1]);
    assert.deepEqual(lines('FROM a\n# check=skip=Other, FakeEvery\nRUN x\n'), [1, 3]);
  });

  it('the directive name is case-insensitive, the option key and the check names are not (as BuildKit)', () => {
    assert.deepEqual(lines('FROM a\n# CHECK=skip=FakeEvery\nRUN x\n'), [1]);
    assert.deepEqual(lines('FROM a\n# check=Skip=FakeEvery\nRUN x\n'), [1, 3]);
    assert.deepEqual(lines('FROM a\n# check=skip=fakeevery\nRUN x\n'), [1, 3]);
  });

  it('spaces around the first `=` are allowed, and `#check=` without a space', () => {
    assert.deepEqual(lines('FROM a\n# check = skip=FakeEvery\nRUN x\n'), [1]);
    assert.deepEqual(lines('FROM a\n#check=skip=FakeEvery\nRUN x\n'), [1]);
  });

  it('an indented check comment does not count (BuildKit reads a comment from the second character of its line)', () => {
    assert.deepEqual(lines('FROM a\n  # check=skip=FakeEvery\nRUN x\n'), [1, 3]);
  });

  it('other comments and empty lines may come between; an empty `#` line ends the block (as BuildKit)', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery\n# a note\nRUN x\n'), [1]);
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery\n\nRUN x\n'), [1]);
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery\n#\nRUN x\n'), [1, 4]);
  });

  it('only the first check comment of the block counts, and one BuildKit rejects skips nothing', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=Other\n# check=skip=FakeEvery\nRUN x\n'), [1, 4]);
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery;bogus=1\nRUN x\n'), [1, 3]);
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery;error=maybe\nRUN x\n'), [1, 3]);
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery;error=true\nRUN x\n'), [1]);
  });

  it('covers every line of a multi-line instruction and an ONBUILD trigger', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery\nONBUILD RUN x \\\n  y\nRUN z\n'), [1, 5]);
  });

  it('above FROM, it applies to the FROM line (as BuildKit reads a stage\'s comments)', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=FakeEvery\nFROM b\nRUN x\n'), [1, 4]);
  });

  it('a check comment after a plain comment at the top is not the file directive: it applies to the first instruction', () => {
    assert.deepEqual(lines('# hello\n# check=skip=FakeEvery\nFROM a\nRUN x\n'), [4]);
  });

  it('the directive at the top still applies to the whole file', () => {
    assert.deepEqual(lines('# check=skip=FakeEvery\nFROM a\nRUN x\n'), []);
  });

  it('a check BuildKit runs over the whole file is skipped only by the directive at the top', () => {
    assert.deepEqual(lines('FROM a\n# check=skip=FakeFileLevel\nRUN x\n', 'FakeFileLevel'), [1, 3]);
    assert.deepEqual(lines('# check=skip=FakeFileLevel\nFROM a\nRUN x\n', 'FakeFileLevel'), []);
  });

  it('skip= leaves experimental checks alone, at the top or above an instruction (as BuildKit)', () => {
    assert.deepEqual(lines('# check=experimental=FakeExperimental;skip=all\nFROM a\n# check=skip=FakeExperimental\nRUN x\n', 'FakeExperimental'), [2, 4]);
  });

  it('silences a hadolint finding under its BuildKit alias, not hadolint codes', () => {
    assert.deepEqual(lines('FROM busybox\n# check=skip=JSONArgsRecommended\nCMD run\nCMD again\n', 'DL3025'), [4]);
    assert.deepEqual(lines('FROM busybox\n# check=skip=all\nCMD run\n', 'DL3025'), []);
    assert.deepEqual(lines('# check=skip=all\nFROM busybox\nCMD run\nSHELL ["/bin/ash", "-c"]\nCMD again\n', 'DL3025'), [5], 'skip=all at the top: the BuildKit one goes, the hadolint-only one stays');
    assert.deepEqual(lines('# check=skip=all\nFROM busybox\nFROM debian\n', 'DL3006'), [2, 3]);
    assert.deepEqual(lines('FROM busybox:1\n# check=skip=DL3025\nCMD run\n', 'DL3025'), [3]);
  });

  it('a hadolint finding that is not BuildKit\'s too (no alias) is not silenced by check comments', () => {
    assert.deepEqual(lines('FROM busybox:1\nSHELL ["/bin/ash", "-c"]\n# check=skip=JSONArgsRecommended\nCMD run\n', 'DL3025'), [4]);
  });

  it('reads where each check comment applies', () => {
    const model = parseDockerfile('# check=skip=A\nFROM a\n# check=skip=B,C // why\nRUN x \\\n  y\n');
    assert.deepEqual(readCheckComments(model), [{ skip: ['B', 'C'], line: 2, target: { start: 3, end: 4 } }]);
  });
});
