// Shipshape's tokenizer against the dockerfile-ast based model it replaced (test/support/ast-model.ts): every
// field of every instruction (ONBUILD triggers included), stage, comment and directive must be equal, on the
// project's own Dockerfiles (test/fixtures/dockerfiles; the external corpus is the corpus group's), on every
// rule's examples, on hand-written nasty cases and on generated Dockerfile-like text.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { allRules } from '../../../src/core/lint/rules';
import { projectDockerfiles } from '../../support/corpus';
import { assertParity, parityOverSet, runs, token } from '../../support/parity';

/** Shapes where a hand-written tokenizer is most likely to drift from dockerfile-ast. */
const NASTY: [string, string][] = [
  ['empty file', ''],
  ['only newlines', '\n\n\r\n'],
  ['no trailing newline', 'FROM alpine\nRUN echo hi'],
  ['CRLF', 'FROM alpine AS base\r\nRUN a \\\r\n  b\r\nENV A=1 \\\r\n  B=2\r\nCOPY <<EOF /x\r\nbody\r\nEOF\r\n'],
  ['lone CR', 'FROM alpine\rRUN a \\\r  b\rENV A=1\r'],
  ['escape directive', '# escape=`\nFROM alpine\nRUN a `\n  b\nENV A="x`"y" B=c` d\nCOPY `\n  a b\n'],
  ['escape directive CRLF', '# escape=`\r\nFROM alpine\r\nRUN dir `\r\n  c:\\\r\n'],
  ['invalid escape, then a valid one', '# escape=x\n# escape=`\nFROM a\nRUN a `\n b\n'],
  ['directive with trailing blanks ends the block', '# syntax=docker/dockerfile:1  \n# escape=`\nFROM a\nRUN a `\n b\n'],
  ['two directives on one line', '# a=b # escape=`\nFROM a\nRUN x\n'],
  ['escape directive with more words before `=`', '# escape  ignored =`\nFROM a\nRUN a `\n b\n'],
  ['directive-like comment', '# hadolint global ignore=DL3006\nFROM a\n'],
  ['directive without value', '# escape=\nFROM a\n'],
  ['directive with a blank value', '# escape=  \t\nFROM a\n'],
  ['BOM', '\uFEFFFROM alpine\nRUN echo\n'],
  ['BOM and directive', '\uFEFF# escape=`\nFROM alpine\nRUN a `\n b\n'],
  ['continuation with trailing spaces', 'FROM alpine\nRUN apt-get update \\  \n  && apt-get install -y x \\\t\n  && rm -rf /var/lib/apt/lists/*\n'],
  ['comment and empty lines inside continuations', 'FROM alpine\nRUN a \\\n# note\n\n   \n  # indented note\n  b \\\n  c\n'],
  ['comment as the last line of a continuation', 'FROM alpine\nRUN a \\\n# note'],
  ['escape inside a comment line of a continuation', 'FROM alpine\nRUN a \\\n# no\\te\n b\n'],
  ['escaped space', 'FROM alpine\nRUN a\\ b c\\  d\nENV A=a\\ b B=x\\  y\n'],
  ['double escape before newline', 'FROM alpine\nRUN echo \\\\\nRUN next\n'],
  ['escaped dollar', 'FROM alpine\nRUN echo \\$HOME "\\$x"\n'],
  ['escape at end of file', 'FROM alpine\nRUN a \\'],
  ['escape and blanks at end of file', 'FROM alpine\nRUN a \\  '],
  ['keyword continued with escape', 'FROM alpine\nRU\\\nN echo\nE\\\n\\\nNV A=1\nCOPY\\\n  a b\n'],
  ['escape, blanks and a character skipped by the parser', 'FROM a\nRUN a \\\n\\ b\nFOO x\nRUN c \\ \rbc\rRUN d\n'],
  ['word cut by an escaped newline, then an escaped character', 'FROM a\nRUN a\\\n  \\x y\nRUN a\\\n\\ \n  b\n'],
  ['word starting before the arguments', 'FROM a\nRUN a \\\n   \\ x\nENV a \\\n  \\ b=1\n'],
  ['keyword with escape and text', 'FROM alpine\nRUN\\ x\nRU\\N x\nRUN\\'],
  ['keyword then comment in continuation', 'FROM alpine\nRU\\\n# c\nN x\n'],
  ['heredoc', 'FROM alpine\nRUN <<EOF\necho a\necho b\nEOF\nCOPY <<EOF /x\nhello\nEOF\n'],
  ['heredoc <<-', 'FROM alpine\nRUN <<-EOF\n\techo a\n\tEOF\nRUN x\n'],
  ['heredoc quoted', 'FROM alpine\nRUN <<"EOF" bash\necho $x\nEOF\nRUN <<\'E\'\nx\nE\n'],
  ['heredocs multiple', 'FROM alpine\nCOPY <<A <<B /dst/\na\nA\nb\nB\nRUN cat <<X > x <<-Y > y\nx\nX\n\ty\n\tY\n'],
  ['heredoc unterminated', 'FROM alpine\nRUN <<EOF\necho\n'],
  ['heredoc unterminated, no newline', 'FROM alpine\nRUN <<EOF\necho'],
  ['heredoc with delimiter indented by spaces', 'FROM alpine\nRUN <<EOF\nx\n  EOF\nEOF\n'],
  ['heredoc with continued header', 'FROM alpine\nCOPY <<EOF \\\n  /x\nbody\nEOF\n'],
  ['heredoc empty body', 'FROM alpine\nRUN <<EOF\nEOF\n'],
  ['heredoc name continued', 'FROM alpine\nRUN <<E\\\nOF\nx\nEOF\nRUN <<"E\\\n# c\nF"\ny\nEF\n'],
  ['heredoc name with a blank line and quotes', 'FROM a\nRUN <<E\\\n\nOF\nx\nEOF\nRUN <<"a\'b" x\nRUN <<\'a"b\'\nRUN <<-\\\n-x\\\n-y\nz\n'],
  ['heredoc <<- closed after an escape line', 'FROM a\nRUN <<-EOF\nx\n\\\n\tEOF\nRUN y\n'],
  ['heredoc opener among leading `--` words', 'FROM a\nRUN <<--EOF --x\nbody\n-EOF\n'],
  ['heredoc in CMD is not one', 'FROM alpine\nCMD <<EOF\nx\nEOF\n'],
  ['heredoc after flags', 'FROM alpine\nRUN --mount=type=cache,target=/x <<EOF\nx\nEOF\nCOPY --chmod=755 <<EOF /x\ny\nEOF\n'],
  ['heredoc names odd', 'FROM alpine\nRUN <<"EOF\nx\nRUN <<<x\nRUN <<\nRUN <<""\nx\n'],
  ['ONBUILD', 'FROM alpine\nONBUILD RUN echo\nONBUILD\nONBUILD COPY --from=a --chown=1 x y\nonbuild run <<EOF\nx\nEOF\n'],
  ['ONBUILD with flags', 'FROM alpine\nONBUILD ADD --chown=1:1 --link a b\nONBUILD RUN --mount=type=secret,id=x cat /run/secrets/x\n'],
  ['ONBUILD trigger continued', 'FROM alpine\nONBUILD RU\\\nN x\nONBUILD ENV A=1 B="2 3"\nONBUILD FROM x\n'],
  ['ENV legacy', 'FROM alpine\nENV A 1\nENV B hello world  again\nENV C\nENV D "x y" z\n'],
  ['ENV quoted', 'FROM alpine\nENV A="x y" B=\'z w\' C="a\\"b" D=\'it\'"s"\n'],
  ['ENV escaped', 'FROM alpine\nENV A=a\\ b B=\\"x\\" C=c\\\\d D=\\$HOME\nENV A="x\\\\y" B="\\\\" C=\'\\\\\'\n'],
  ['ENV variables', 'FROM alpine\nENV A=${B:-x y} C="${D}" E=$F\nENV G=${H:-x y} I=1\nLABEL l=${a b}\n'],
  ['ENV multi-line', 'FROM alpine\nENV A=1 \\\n    B=2 \\\n# c\n    C="3 \\\n  4"\n'],
  ['ENV quote then tab', 'FROM alpine\nENV A="x"\tB=y C=\'z\'\tD\n'],
  ['ENV blank and comment lines in a quoted value', 'FROM a\nENV A="x \\\n   \n  y" B=\'p \\\n \t \n# c\n q\'\nLABEL l="a \\\n  # c\n  b"\n'],
  ['ENV value starting with #', 'FROM a\nENV A=#x B="#y" #C=1\nLABEL "#a"=b\n'],
  ['ENV words joined over an escaped newline', 'FROM a\nENV A=1\\\n  B=2\nENV C=3\\\n"D"=4\nENV A=1\\\n# c'],
  ['ENV variable with escaped blank', 'FROM a\nENV A=${x\\ y} B=${c:-"d e"} F=${g\n'],
  ['ENV with escaped newline at end of file', 'FROM a\nLABEL a=b\\\nENV A=1 \\\n'],
  ['ENV lone quote', "FROM a\nENV A='\nENV B=\"\nENV C=\"x\\\"\n"],
  ['ENV odd', 'FROM alpine\nENV =x\nENV "a"=b\nENV "a=b"\nENV a=\nENV a="unterminated\nENV \\\n  A=1\n'],
  ['LABEL multi-line', 'FROM alpine\nLABEL a="x" \\\n      b="y z" \\\n      c=w\nLABEL "com.example.x"="1" version="2"\n'],
  ['LABEL legacy', 'FROM alpine\nLABEL maintainer Jane Doe\n'],
  ['FROM with --platform', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=linux/amd64 alpine\n'],
  ['FROM with digest', 'FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM alpine:3.20@sha256:abc\n'],
  ['FROM with registry:port', 'FROM localhost:5000/team/app:1.0 AS app\nFROM registry.example.com/x\nFROM localhost/y\nFROM a:1/b\n'],
  ['FROM AS', 'FROM alpine AS base\nFROM base as Second\nFROM SECOND\nFROM alpine AS\nFROM alpine foo bar\nFROM alpine AS st\\age\nFROM st\\age\n'],
  ['FROM variables', 'ARG TAG=1\nARG REG=r:5000\nFROM $REG/img:${TAG}\nFROM ${REG}/img@${DIGEST}\nFROM img:${T:-a:b}\nFROM $A:$B\n'],
  ['FROM with escapes and variables', 'FROM img\\${x:y}:tag\nFROM a\\$b@c\nFROM ${a:-b@c}:t\nFROM $x\\\n:y/z\nFROM ${a\\\nb:c}:d\n'],
  ['FROM image over lines', 'FROM a\\\nb@sha\nFROM x\\\r\nimg@d\r\nFROM a\\\n#c\nb:1\nFROM img\\${x:y}\nFROM ${a\\}:b\\\n}c\n'],
  ['FROM tag and registry shapes', 'FROM r:5000/img@sha256:x\nFROM ${a.b}/img\nFROM ${r:-x:1}/img\nFROM a/b:c/d\nFROM localhost\nFROM x.y\nFROM ${a/b}:c\n'],
  ['FROM whose first word is empty', 'FROM \\\n  \\ x\n'],
  ['FROM odd', 'FROM\nFROM --platform=x\nFROM a\\\n:b\nFROM "quoted"\n'],
  ['JSON forms', 'FROM alpine\nCMD ["a", "b"]\nENTRYPOINT ["x"]\nRUN ["sh", "-c", "echo"]\nSHELL ["/bin/sh", "-c"]\nVOLUME ["/a", "/b"]\nCMD []\n'],
  ['JSON broken', 'FROM alpine\nCMD ["a", b]\nCMD ["a"\nCMD [\'a\']\nCMD [ "a" , "b" ] x\nCMD [1]\nCMD ["a", \\\n  "b"]\n'],
  ['flags with and without values', 'FROM alpine\nCOPY --link --chown=1 --from= a b\nADD --checksum=sha256:x --keep-git-dir https://x /y\nRUN --network=none --security=insecure x\n'],
  ['flags odd', 'FROM alpine\nRUN a--b --mount=x y\nCOPY ---x --=y -- a b\nHEALTHCHECK foo --interval=5s CMD x\nHEALTHCHECK --timeout=1s NONE\nCMD --x y\n'],
  ['flag with escapes', 'FROM alpine\nCOPY --chown=a\\:b --from="x y" a b\nRUN --mount=type=bind,\\\n  source=/x y\n'],
  ['flag names and values with escapes', 'FROM a\nCOPY --x\\== --ch\\own=x --a\\\n=b a b\nHEALTHCHECK --timeout=1s NONE --x\n'],
  ['HEALTHCHECK', 'FROM alpine\nHEALTHCHECK --interval=30s --timeout=3s \\\n  CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n'],
  ['ARG', 'ARG A B=2 C="x y"\nFROM alpine\nARG D=${A:-x}\nARG\n'],
  ['unknown keywords', 'FROM alpine\nFOO bar\nrun lower\nRuN mixed\n123 x\n'],
  ['instruction at end without newline', 'FROM alpine\nRUN'],
  ['tabs', 'FROM\talpine\nRUN\techo\t"a\tb"\n\tENV\tA=1\n'],
  ['leading blanks and comments', '   # c1\n\t# c2\n  FROM alpine # not a comment\n#c3\n#\n# \n'],
  ['unicode', 'FROM alpine\nLABEL description="café ☕ 🚀"\nRUN echo "日本語"\n'],
  ['windows paths', '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY C:\\src C:\\dst\nRUN powershell -Command `\n    Write-Host hi\n'],
];

describe('core/dockerfile/parse-parity: the tokenizer against dockerfile-ast', () => {
  parityOverSet(projectDockerfiles(), 10);

  it("matches on every rule's bad and good examples", () => {
    assert.ok(allRules.length > 100);
    for (const rule of allRules) {
      assertParity(rule.meta.examples.bad, `${rule.meta.id} bad`);
      assertParity(rule.meta.examples.good, `${rule.meta.id} good`);
    }
  });

  for (const [label, text] of NASTY) {
    it(`matches on ${label}`, () => assertParity(text, label));
  }

  it('matches on every nasty case with CRLF, lone CR and backtick escapes', () => {
    for (const [label, text] of NASTY) {
      assertParity(text.replace(/\n/g, '\r\n'), `${label} (CRLF)`);
      assertParity(text.replace(/\n/g, '\r'), `${label} (CR)`);
      assertParity(`# escape=\`\n${text.replace(/\\/g, '`')}`, `${label} (backtick)`);
    }
  });

  const dockerfileLike = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));

  // Line by line: an instruction (keyword, separators, words, a line end), a comment, a blank line or a heredoc body line.
  const keyword = fc.constantFrom('FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'LABEL', 'ARG', 'ONBUILD', 'ONBUILD RUN', 'ONBUILD COPY', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'WORKDIR', 'EXPOSE', 'run', 'FOO', 'RU\\\nN', 'EN\\ V', '\\');
  const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\\ ', ' \\\n', '\\\n', ' \\\n  ', '\\\n  ', ' \\ \n', ' \\\n# c\n', ' \\\n\n', ' \\\n  # c \\x\n  ', '\\\r\n', ' \\\r');
  const word = fc.constantFrom(
    'alpine', 'a', 'b', 'x', '"x y"', "'x'", '"a\\"b"', '"unterminated', 'A=1', 'A="x y"', "A='z'", 'A=', '=x', 'A=#x', 'A="x \\\n  y"',
    '${x:-y}', '$x', '\\$x', 'a\\ b', '\\x', '\\', '`', '#', '#c', '"', "'", '${', '}', '{', 'é', '🚀', '[', ']', '["a",', '"b"]', '[]', '["a"]',
    '--from=a', '--platform=$P', '--mount=type=cache,target=/x', '--link', '--x=', '--x\\==', '--ch\\own=x', '--', '---x', 'a--b', '--a=\\\nb',
    '<<EOF', '<<-EOF', '<<"EOF"', "<<'EOF'", '<<', '<<--EOF', '<<E\\\nOF', 'EOF', 'AS', 'as', 'CMD', 'NONE',
    'r:5000/img:1', 'img@sha256:ab', 'localhost/x', 'a.b/c', 'img:${T}', '${a:b}', '${a\\}:b', 'img\\${x:y}', 'a:b@c:d',
  );
  const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', ' \\\n', '\\\n', '\\ \n', '\\', '');
  const instructionLine = fc
    .tuple(fc.constantFrom('', '', ' ', '\t'), keyword, fc.array(fc.tuple(separator, word), { maxLength: 6 }), lineEnd)
    .map(([indent, k, rest, end]) => indent + k + rest.map(([sep, w]) => sep + w).join('') + end);
  const otherLine = fc.constantFrom('# c\n', '#\n', '  # c\n', '\n', '  \n', 'EOF\n', '\tEOF\n', '  EOF\n', 'EOF', 'body $x\n', '\\\n', '-EOF\n', 'E\n');
  const preamble = fc.constantFrom('', '', '', '\uFEFF', '# escape=`\n', '# syntax=x\n', '# escape=\\\n# x=y\n', '# escape=`  \n');
  const structured = fc
    .tuple(preamble, fc.array(fc.oneof({ arbitrary: instructionLine, weight: 4 }, { arbitrary: otherLine, weight: 1 }), { maxLength: 10 }), fc.boolean())
    .map(([pre, lines, backtick]) => {
      const body = pre + lines.join('');
      return backtick ? `# escape=\`\n${body.replace(/\\/g, '`')}` : body;
    });

  it('matches on generated Dockerfiles, line by line', function () {
    this.timeout(0);
    fc.assert(
      fc.property(structured, (text) => assertParity(text, 'generated')),
      runs(2000),
    );
  });

  it('matches on generated Dockerfile-like text, and never throws', function () {
    this.timeout(0);
    fc.assert(
      fc.property(dockerfileLike, (text) => assertParity(text, 'generated')),
      runs(2000),
    );
  });

  it('matches on arbitrary text', function () {
    this.timeout(0);
    // Any UTF-16 code unit (lone surrogates included), mixed with the characters that give a Dockerfile its shape.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(' ', '\t', '\n', '\r', '\\', '`', '#', '=', '"', "'", '$', '<', '-'),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (text) => assertParity(text, 'arbitrary')),
      runs(1000),
    );
  });
});
