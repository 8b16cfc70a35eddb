import assert from 'node:assert/strict';
import { checkstyle } from '../../../../src/core/lint/formats/checkstyle';
import { junit } from '../../../../src/core/lint/formats/junit';
import { xml } from '../../../../src/core/lint/formats/xml';
import type { FormatInput } from '../../../../src/core/lint/formats/types';
import type { Finding } from '../../../../src/core/lint/types';

/** XML 1.0's Char production: the only characters a well-formed document may contain. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

const hostile = 'FROM deb\x1b]0;pwned\x07ian \x00 \x0b \ufffe \ud800 <&"\'>';

describe('core/lint/formats/xml', () => {
  it('writes characters XML 1.0 cannot hold as visible escapes and keeps tab, newline, return and pairs', () => {
    assert.equal(xml('a\x00b\x1bc\x0bd\ufffee\ud800f'), 'a\\x00b\\x1bc\\x0bd\\ufffee\\ud800f');
    assert.equal(xml('t\tn\nr\r 😀 é'), 't\tn\nr\r 😀 é');
    assert.equal(xml('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('keeps checkstyle and JUnit reports well-formed when a file name and a message carry control characters', () => {
    const finding: Finding = {
      code: 'DL3006', aliases: [], severity: 'warning', message: hostile, fixes: [], source: 'hadolint',
      range: { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } },
    };
    const input: FormatInput = { results: [{ file: `evil\x1b\x01_Dockerfile`, findings: [finding] }], meta: () => undefined, toolVersion: '0', color: false };
    for (const format of [checkstyle, junit]) {
      const out = format(input);
      assert.ok(!NOT_XML_CHAR.test(out), JSON.stringify(out));
      assert.match(out, /deb\\x1b\]0;pwned\\x07ian/);
    }
  });
});
