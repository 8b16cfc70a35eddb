import assert from 'node:assert/strict';
import { extractHadolintCases } from '../../../bench/fidelity/hadolint-specs';

/** A spec in the style of hadolint's test/Hadolint/Rule/*Spec.hs, written for these tests. */
const spec = (body: string) => `module Hadolint.Rule.DL9999Spec (spec) where\n\nspec :: SpecWith ()\nspec = do\n  let ?config = def\n\n  describe "DL9999 - a rule" $ do\n${body}`;

describe('bench/fidelity hadolint-specs', () => {
  it('reads ruleCatches and ruleCatchesNot with inline strings, their escapes, line and describe > it name', () => {
    const { cases, skipped } = extractHadolintCases('DL9999Spec.hs', spec(String.raw`    it "quotes and escapes" $ do
      ruleCatches "DL9999" "RUN echo \"a\\b\"\nRUN x"
      ruleCatchesNot "DL9999" "LABEL a=b"
`));
    assert.deepEqual(skipped, []);
    assert.deepEqual(
      cases.map((c) => [c.line, c.name, c.code, c.dockerfile, c.onbuild, c.min, c.max]),
      [
        [9, 'DL9999 - a rule > quotes and escapes', 'DL9999', 'RUN echo "a\\b"\nRUN x\n', false, 1, undefined],
        [10, 'DL9999 - a rule > quotes and escapes', 'DL9999', 'LABEL a=b\n', false, 0, 0],
      ],
    );
  });

  it('reads the onBuild helpers as exactly one (or no) finding on the ONBUILD-wrapped Dockerfile, as Helpers.hs asserts', () => {
    const { cases } = extractHadolintCases('s.hs', spec(`    it "onbuild" $ do\n      onBuildRuleCatches "DL9999" "RUN a"\n      onBuildRuleCatchesNot "DL9999" "RUN b"\n`));
    assert.deepEqual(cases.map((c) => [c.onbuild, c.min, c.max]), [[true, 1, 1], [true, 0, 0]]);
  });

  it('joins a string gap across lines', () => {
    const { cases } = extractHadolintCases('s.hs', spec(`    it "gap" $\n      ruleCatches "DL9999" "RUN one \\\n                   \\two"\n`));
    assert.equal(cases[0]!.dockerfile, 'RUN one two\n');
  });

  it('reads Text.unlines lists, inline and let-bound, used later through $ or as a named argument', () => {
    const { cases, skipped } = extractHadolintCases('s.hs', spec(`    it "bound list" $ do
      let dockerFile =
            [ "FROM a AS b",
              "RUN c"
            ]
      ruleCatches "DL9999" $ Text.unlines dockerFile
    it "bound rule and snippet" $ do
      let
        rule = "DL9999"
        snippet =
          Text.unlines
            [ "FROM d",
              "COPY e f"
            ]
       in do
        ruleCatchesNot rule snippet
    it "inline" $
      ruleCatches "DL9999" (Text.unlines ["FROM g", "USER h"])
`));
    assert.deepEqual(skipped, []);
    assert.deepEqual(cases.map((c) => c.dockerfile), ['FROM a AS b\nRUN c\n\n', 'FROM d\nCOPY e f\n\n', 'FROM g\nUSER h\n\n']);
    assert.deepEqual(cases.map((c) => c.name.split(' > ')[1]), ['bound list', 'bound rule and snippet', 'inline']);
  });

  it('reads assertChecks with failsWith N as exactly N findings, and skips other assertions with the reason', () => {
    const { cases, skipped } = extractHadolintCases('s.hs', spec(`    it "twice" $
      let dockerFile = [ "FROM a", "FROM b" ]
       in assertChecks
            (Text.unlines dockerFile)
            (failsWith 2 "DL9999")
    it "shellcheck" $
      assertChecks "RUN echo $X" failsShellcheck
`));
    assert.deepEqual(cases.map((c) => [c.line, c.min, c.max, c.dockerfile]), [[10, 2, 2, 'FROM a\nFROM b\n\n']]);
    assert.deepEqual(skipped.map((s) => [s.line, s.reason]), [[14, 'assertChecks with failsShellcheck is not read']]);
  });

  it('skips the cases under a ?config other than def, naming its fields, and only within that let', () => {
    const { cases, skipped } = extractHadolintCases('s.hs', spec(`    it "with a registry" $ do
      let ?config = def { allowedRegistries = ["x.com"] }

      ruleCatches "DL9999" "FROM y.com/z"
    it "without" $ do
      ruleCatchesNot "DL9999" "FROM y.com/z"
`));
    assert.deepEqual(skipped.map((s) => [s.line, s.reason]), [[11, 'needs a ?config (allowedRegistries)']]);
    assert.deepEqual(cases.map((c) => c.line), [13]);
  });

  it('ignores calls in comments, and skips a case whose code argument is not a DL code', () => {
    const { cases, skipped } = extractHadolintCases('s.hs', spec(`    -- ruleCatches "DL9999" "RUN commented"
    {- ruleCatches "DL9999" "RUN block" -}
    it "slip" $
      onBuildRuleCatchesNot "FROM a\\nDL9999" "RUN x"
`));
    assert.deepEqual(cases, []);
    assert.deepEqual(skipped.map((s) => s.reason), ['the rule code argument is not a DL code (a slip in the spec)']);
  });
});
