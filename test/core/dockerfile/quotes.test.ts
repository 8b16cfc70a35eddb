import assert from 'node:assert/strict';
import { openQuote, trimQuotes, unquotedBlank, unquoteFlagValue, unquotePair, unquoteWord } from '../../../src/core/dockerfile/quotes';

describe('core/dockerfile/quotes', () => {
  it('openQuote names the quote left open, as BuildKit pairs them (escapes outside single quotes, the other quote inside)', () => {
    assert.equal(openQuote('a="b c"', '\\'), null);
    assert.equal(openQuote('a="b c', '\\'), '"');
    assert.equal(openQuote("a='b\\'", '\\'), null); // no escape inside single quotes
    assert.equal(openQuote('a="b\\"', '\\'), '"'); // the escaped quote does not close
    assert.equal(openQuote('a=\\"b', '\\'), null);
    assert.equal(openQuote('a="it\'s"', '\\'), null);
    assert.equal(openQuote("a='say \"hi", '\\'), "'");
    assert.equal(openQuote('a=`"b', '`'), null);
  });

  it('unquotedBlank finds the end of a word: the first blank outside quotes, not after an escape', () => {
    assert.equal(unquotedBlank('a=1 b=2', '\\'), 3);
    assert.equal(unquotedBlank('a="1 2" b', '\\'), 7);
    assert.equal(unquotedBlank("a='1\t2'\tb", '\\'), 7);
    assert.equal(unquotedBlank('a\\ b c', '\\'), 4);
    assert.equal(unquotedBlank('x a=1 b', '\\', 2), 5);
    assert.equal(unquotedBlank('a="open b', '\\'), 9);
    assert.equal(unquotedBlank('end\\', '\\'), 4);
  });

  it('trimQuotes drops a leading and a trailing quote, each on its own (as hadolint)', () => {
    assert.equal(trimQuotes('"a b"'), 'a b');
    assert.equal(trimQuotes('"a\''), 'a');
    assert.equal(trimQuotes('"a'), 'a');
    assert.equal(trimQuotes('a"b'), 'a"b');
    assert.equal(trimQuotes('plain'), 'plain');
    assert.equal(trimQuotes('"'), '');
  });

  it('unquotePair removes only matching quotes around the whole word', () => {
    assert.equal(unquotePair('"a b"'), 'a b');
    assert.equal(unquotePair("'a'"), 'a');
    assert.equal(unquotePair('""'), '');
    assert.equal(unquotePair('"a\''), '"a\'');
    assert.equal(unquotePair('"'), '"');
    assert.equal(unquotePair('a"b"'), 'a"b"');
  });

  it('unquoteWord reads a word as BuildKit does, keeping variables as written', () => {
    assert.equal(unquoteWord('"a \\"b\\" $x"'), 'a "b" $x');
    assert.equal(unquoteWord("'a\\b $y'"), 'a\\b $y');
    assert.equal(unquoteWord('a\\ b'), 'a b');
    assert.equal(unquoteWord('"keep\\n"'), 'keep\\n');
    assert.equal(unquoteWord('x"y z"w'), 'xy zw');
    assert.equal(unquoteWord('end\\'), 'end');
    assert.equal(unquoteWord('a`"b', '`'), 'a"b');
    assert.equal(unquoteWord('"unclosed'), 'unclosed');
  });

  it('unquoteFlagValue drops quotes and resolves escapes inside double quotes only', () => {
    assert.equal(unquoteFlagValue('"app:app"'), 'app:app');
    assert.equal(unquoteFlagValue("'755'"), '755');
    assert.equal(unquoteFlagValue('"a\\"b"'), 'a"b');
    assert.equal(unquoteFlagValue('a\\b'), 'a\\b');
    assert.equal(unquoteFlagValue('type=cache,target="/x y"'), 'type=cache,target=/x y');
    assert.equal(unquoteFlagValue(''), '');
  });
});
