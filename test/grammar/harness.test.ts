// The corpus checks of test/grammar/corpus.test.ts, shown to catch what they claim on tiny grammars of
// our own: a rule begun and never ended, a regex slow enough to hit the time limit, a highlighting change;
// and the theme bench/grammar sets for its second comparison.
import assert from 'node:assert/strict';
import { INITIAL, parseRawGrammar, type IRawGrammar } from 'vscode-textmate';
import { builtinTheme, grammarFiles, grammarFrom, tokenizeFile } from '../support/grammars';

function raw(patterns: object[]): () => IRawGrammar {
  return () => parseRawGrammar(JSON.stringify({ scopeName: 'source.test', patterns }), 'test.json');
}

const heredocLike = raw([{ begin: '<<(\\w+)', end: '^\\1$', name: 'string.unquoted.heredoc.test' }, { match: '\\bRUN\\b', name: 'keyword.test' }]);

describe('grammar harness: tokenizeFile', () => {
  it('names the file and line of a rule begun there and still open at end of file, with the scopes open', async () => {
    const grammar = await grammarFrom('source.test', { 'source.test': heredocLike });
    const result = tokenizeFile(grammar, 'open.dockerfile', 'RUN true\nRUN cat <<EOF\nbody\n');
    assert.deepEqual(result.unterminated, ['open.dockerfile:2: a rule begun here still open at end of file (scopes open there: string.unquoted.heredoc.test)']);
    assert.deepEqual(result.problems, []);
  });

  it('names each line once with how many of the rules it began are still open', async () => {
    const nested = raw([{ begin: '\\(', end: '\\)', name: 'meta.group.test', patterns: [{ include: '$self' }] }]);
    const grammar = await grammarFrom('source.test', { 'source.test': nested });
    const result = tokenizeFile(grammar, 'nested.dockerfile', 'RUN ((\n(\n');
    assert.deepEqual(result.unterminated, [
      'nested.dockerfile:1: 2 rules begun here still open at end of file (scopes open there: meta.group.test meta.group.test meta.group.test)',
      'nested.dockerfile:2: a rule begun here still open at end of file (scopes open there: meta.group.test meta.group.test meta.group.test)',
    ]);
  });

  it('reports nothing open when the rule ends, even on the last line', async () => {
    const grammar = await grammarFrom('source.test', { 'source.test': heredocLike });
    assert.deepEqual(tokenizeFile(grammar, 'closed.dockerfile', 'RUN cat <<EOF\nbody\nEOF').unterminated, []);
  });

  it('names the file and line whose tokenization stopped at the time limit (here 1 ms, over a 400,000-token line)', async () => {
    const grammar = await grammarFrom('source.test', { 'source.test': heredocLike });
    const result = tokenizeFile(grammar, 'slow.dockerfile', `RUN x\n${'RUN '.repeat(200_000)}`, 1);
    assert.deepEqual(result.problems, ['slow.dockerfile:2: tokenization stopped at the 1 ms time limit']);
  });

  it('gives the same digest for the same text and another when a token changes scope', async () => {
    const grammar = await grammarFrom('source.test', { 'source.test': heredocLike });
    const a = tokenizeFile(grammar, 'a', 'RUN x').digest;
    assert.equal(tokenizeFile(grammar, 'b', 'RUN x').digest, a);
    assert.notEqual(tokenizeFile(grammar, 'c', 'run x').digest, a);
  });
});

describe('grammar harness: builtinTheme', () => {
  it('reads Dark Modern with the themes it includes, so a themed grammar gives a keyword a colour of its own', async () => {
    const theme = builtinTheme(grammarFiles(), 'dark_modern.json');
    assert.ok(theme.settings.some((s) => [s.scope].flat().includes('keyword')), 'dark_vs.json (included by dark_plus.json) colours keyword');
    const foreground = (metadata: number) => (metadata >>> 15) & 0x1ff; // vscode-textmate's foreground bits
    const colours = async (themed: boolean) => {
      const grammar = await grammarFrom('source.test', { 'source.test': heredocLike }, [], themed ? { theme } : {});
      const tokens = grammar.tokenizeLine2('RUN x', INITIAL).tokens; // [start, metadata, …]; equal neighbours merged
      return [...tokens].filter((_, i) => i % 2 === 1).map(foreground);
    };
    const [keyword, rest] = await colours(true);
    assert.notEqual(keyword, rest);
    assert.equal((await colours(false)).length, 1, 'without a theme the line is one token: nothing tells its scopes apart');
  });
});
