// Parity with the checks of Microsoft's Docker extension (the dockerfile-utils validator): on
// every broken Dockerfile below, each line where dockerfile-utils reports a problem must get a
// finding from Shipshape's syntax rules, at least as severe, except for the problems that other
// rules own (listed in OWNED_ELSEWHERE). A second table pins the cases where Shipshape follows
// BuildKit instead of dockerfile-utils and deliberately stays silent.
import assert from 'node:assert/strict';
import { validate, ValidationCode } from 'dockerfile-utils';
import { Linter } from '../../../src/core/lint/engine';
import type { Finding, Rule } from '../../../src/core/lint/types';
import DirectiveCasing from '../../../src/core/lint/rules/DirectiveCasing';
import DuplicateFlag from '../../../src/core/lint/rules/DuplicateFlag';
import ExtraArguments from '../../../src/core/lint/rules/ExtraArguments';
import FlagMissingValue from '../../../src/core/lint/rules/FlagMissingValue';
import InvalidAs from '../../../src/core/lint/rules/InvalidAs';
import InvalidDestination from '../../../src/core/lint/rules/InvalidDestination';
import InvalidDirective from '../../../src/core/lint/rules/InvalidDirective';
import InvalidDuration from '../../../src/core/lint/rules/InvalidDuration';
import InvalidFlagValue from '../../../src/core/lint/rules/InvalidFlagValue';
import InvalidHealthcheck from '../../../src/core/lint/rules/InvalidHealthcheck';
import InvalidImageReference from '../../../src/core/lint/rules/InvalidImageReference';
import InvalidJson from '../../../src/core/lint/rules/InvalidJson';
import InvalidKeyValue from '../../../src/core/lint/rules/InvalidKeyValue';
import InvalidPort from '../../../src/core/lint/rules/InvalidPort';
import InvalidSignal from '../../../src/core/lint/rules/InvalidSignal';
import InvalidStageName from '../../../src/core/lint/rules/InvalidStageName';
import InvalidSubstitution from '../../../src/core/lint/rules/InvalidSubstitution';
import MissingArguments from '../../../src/core/lint/rules/MissingArguments';
import MissingFrom from '../../../src/core/lint/rules/MissingFrom';
import ShellRequiresJson from '../../../src/core/lint/rules/ShellRequiresJson';
import UnknownFlag from '../../../src/core/lint/rules/UnknownFlag';
import UnknownInstruction from '../../../src/core/lint/rules/UnknownInstruction';
import UnterminatedHeredoc from '../../../src/core/lint/rules/UnterminatedHeredoc';

const SYNTAX_RULES: Rule[] = [
  DirectiveCasing, DuplicateFlag, ExtraArguments, FlagMissingValue, InvalidAs, InvalidDestination, InvalidDirective, InvalidDuration,
  InvalidFlagValue, InvalidHealthcheck, InvalidImageReference, InvalidJson, InvalidKeyValue, InvalidPort,
  InvalidSignal, InvalidStageName, InvalidSubstitution, MissingArguments, MissingFrom, ShellRequiresJson, UnknownFlag,
  UnknownInstruction, UnterminatedHeredoc,
];

/** dockerfile-utils codes that other Shipshape rules report. */
const OWNED_ELSEWHERE = new Map<ValidationCode, string>([
  [ValidationCode.CASING_INSTRUCTION, 'ConsistentInstructionCasing'],
  [ValidationCode.EMPTY_CONTINUATION_LINE, 'NoEmptyContinuation'],
  [ValidationCode.DUPLICATE_BUILD_STAGE_NAME, 'DL3024'],
  [ValidationCode.MULTIPLE_INSTRUCTIONS, 'DL4003 / DL4004 / DL3012'],
  [ValidationCode.DEPRECATED_MAINTAINER, 'DL4000'],
  [ValidationCode.WORKDIR_IS_NOT_ABSOLUTE, 'DL3000'],
  [ValidationCode.BASE_NAME_EMPTY, 'UndefinedArgInFrom / InvalidDefaultArgInFrom'],
  [ValidationCode.ONBUILD_CHAINING_DISALLOWED, 'DL3043'],
  [ValidationCode.ONBUILD_TRIGGER_DISALLOWED, 'DL3043'],
]);

/**
 * Problems that another rule owns only in part: an instruction above the first FROM (DL3061; a file with no FROM at
 * all is reported at 0:0-0:0), COPY destinations (DL3021) and EXPOSE host mappings whose container part is well
 * formed (ExposeInvalidFormat).
 */
function ownedElsewhere(code: ValidationCode, lineText: string, word: string, range: ReturnType<typeof validate>[number]['range']): boolean {
  if (OWNED_ELSEWHERE.has(code)) return true;
  if (code === ValidationCode.NO_SOURCE_IMAGE && (range.end.line !== 0 || range.end.character !== 0)) return true;
  if (code === ValidationCode.INVALID_DESTINATION && /^\s*(ONBUILD\s+)?COPY\b/i.test(lineText)) return true;
  if (code === ValidationCode.INVALID_PORT && word.includes(':')) {
    const [port = '', protocol = ''] = word.slice(word.lastIndexOf(':') + 1).split('/', 2);
    return port !== '' && ['', 'tcp', 'udp', 'sctp'].includes(protocol.toLowerCase());
  }
  return false;
}

/** The codes this parity table must exercise: all of dockerfile-utils' codes that it can emit, less the ones owned elsewhere. */
const COVERED: ValidationCode[] = [
  ValidationCode.CASING_DIRECTIVE,
  ValidationCode.ARGUMENT_MISSING,
  ValidationCode.ARGUMENT_EXTRA,
  ValidationCode.ARGUMENT_REQUIRES_AT_LEAST_ONE,
  ValidationCode.ARGUMENT_REQUIRES_TWO,
  ValidationCode.ARGUMENT_REQUIRES_AT_LEAST_TWO,
  ValidationCode.ARGUMENT_REQUIRES_ONE_OR_THREE,
  ValidationCode.ARGUMENT_UNNECESSARY,
  ValidationCode.INVALID_BUILD_STAGE_NAME,
  ValidationCode.FLAG_AT_LEAST_ONE,
  ValidationCode.FLAG_DUPLICATE,
  ValidationCode.FLAG_INVALID_DURATION,
  ValidationCode.FLAG_LESS_THAN_1MS,
  ValidationCode.FLAG_MISSING_DURATION,
  ValidationCode.FLAG_MISSING_VALUE,
  ValidationCode.FLAG_UNKNOWN_UNIT,
  ValidationCode.NO_SOURCE_IMAGE,
  ValidationCode.INVALID_ESCAPE_DIRECTIVE,
  ValidationCode.INVALID_AS,
  ValidationCode.INVALID_DESTINATION,
  ValidationCode.INVALID_PORT,
  ValidationCode.INVALID_PROTO,
  ValidationCode.INVALID_REFERENCE_FORMAT,
  ValidationCode.INVALID_SIGNAL,
  ValidationCode.INVALID_SYNTAX,
  ValidationCode.SHELL_JSON_FORM,
  ValidationCode.SHELL_REQUIRES_ONE,
  ValidationCode.SYNTAX_MISSING_EQUALS,
  ValidationCode.SYNTAX_MISSING_NAMES,
  ValidationCode.SYNTAX_MISSING_SINGLE_QUOTE,
  ValidationCode.SYNTAX_MISSING_DOUBLE_QUOTE,
  ValidationCode.UNKNOWN_INSTRUCTION,
  ValidationCode.UNKNOWN_ADD_FLAG,
  ValidationCode.UNKNOWN_COPY_FLAG,
  ValidationCode.UNKNOWN_FROM_FLAG,
  ValidationCode.UNKNOWN_HEALTHCHECK_FLAG,
  ValidationCode.UNKNOWN_TYPE,
  ValidationCode.UNSUPPORTED_MODIFIER,
  ValidationCode.HEALTHCHECK_CMD_ARGUMENT_MISSING,
  ValidationCode.FLAG_INVALID_FROM_VALUE,
  ValidationCode.FLAG_EXPECTED_BOOLEAN_VALUE,
  ValidationCode.JSON_IN_SINGLE_QUOTES,
  ValidationCode.DUPLICATED_ESCAPE_DIRECTIVE,
];

const BROKEN: string[] = [
  // parser directives
  '# ESCAPE=`\nFROM alpine:3.20\n',
  '# escape=x\nFROM alpine:3.20\n',
  '# escape=`\n# escape=\\\nFROM alpine:3.20\n',
  // FROM
  '',
  'ARG VERSION=3.20\n',
  '# only a comment\n',
  'FROM\n',
  'FROM alpine:3.20 AS\n',
  'FROM alpine:3.20 builder\n',
  'FROM alpine:3.20 AS build extra\n',
  'FROM alpine:3.20 AZ build\n',
  'FROM alpine:3.20 AS 1build\nFROM alpine:3.20 AS b@d\n',
  'FROM alpine:\nFROM alpine@\nFROM alpine@sha256:xyz\n',
  'FROM alpine:t@g\nFROM alpine:@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
  'FROM --foo alpine:3.20\nFROM --platform alpine:3.20\n',
  // arguments
  'FROM alpine:3.20\nWORKDIR\nENTRYPOINT\nARG\nUSER\nVOLUME\nEXPOSE\n',
  'FROM alpine:3.20\nSTOPSIGNAL SIGTERM SIGKILL\n',
  'FROM alpine:3.20\nHEALTHCHECK --interval=5s\n',
  'FROM alpine:3.20\nHEALTHCHECK NONE CMD true\n',
  'FROM alpine:3.20\nCOPY app.tar\nADD\nCOPY ["only-source"]\n',
  'FROM alpine:3.20\nONBUILD COPY a\n',
  // flags
  'FROM alpine:3.20\nCOPY --chown=a --chown=b x /y/\nHEALTHCHECK --interval=5s --interval=6s CMD true\n',
  'FROM alpine:3.20\nCOPY --from x /y/\nADD --chmod x /y/\nADD --link= x /y/\n',
  'FROM alpine:3.20\nADD --foo a b\nCOPY --foo a b\nHEALTHCHECK --foo CMD true\n',
  'FROM alpine:3.20\nCOPY --from=-x a b\nCOPY --from= a b\n',
  'FROM alpine:3.20\nCOPY --link=yes a b\nADD --keep-git-dir=maybe a b\nCOPY --parents=no a b\n',
  'FROM alpine:3.20\nHEALTHCHECK --retries=x CMD true\nHEALTHCHECK --retries=-1 CMD true\nHEALTHCHECK --retries=1.5 CMD true\n',
  'FROM alpine:3.20\nHEALTHCHECK --timeout=abc CMD true\nHEALTHCHECK --timeout=-5s CMD true\n',
  'FROM alpine:3.20\nHEALTHCHECK --timeout=500us CMD true\nHEALTHCHECK --start-period=5 CMD true\n',
  'FROM alpine:3.20\nHEALTHCHECK --timeout=5sec CMD true\nHEALTHCHECK --start-interval=1x2s CMD true\n',
  'FROM alpine:3.20\nONBUILD COPY --chwon=app a /b/\n',
  // EXPOSE and STOPSIGNAL
  'FROM alpine:3.20\nEXPOSE 80/xyz\nEXPOSE abc\nEXPOSE 80-\n',
  'FROM alpine:3.20\nEXPOSE 80/http 53/udp 8000-8010\n',
  'FROM alpine:3.20\nEXPOSE 8080:\nEXPOSE 8080:80/xyz\nEXPOSE 127.0.0.1:8080:80\n',
  'FROM alpine:3.20\nSTOPSIGNAL KILL9\n',
  'FROM alpine:3.20\nSTOPSIGNAL 9x\n',
  // ONBUILD, SHELL, HEALTHCHECK
  'FROM alpine:3.20\nSHELL /bin/bash -c\nSHELL []\nSHELL ["a", \'b\']\n',
  'FROM alpine:3.20\nHEALTHCHECK curl -f http://localhost/\nHEALTHCHECK CMD\n',
  // ENV, LABEL, ARG
  'FROM alpine:3.20\nENV PATH\nENV a=1 b\nLABEL version\n',
  'FROM alpine:3.20\nENV =1\nLABEL ="x"\nARG =x\n',
  "FROM alpine:3.20\nENV a='x\n",
  'FROM alpine:3.20\nENV a="x\n',
  'FROM alpine:3.20\nLABEL "a=b\n',
  'FROM alpine:3.20\nLABEL a=${b:=c}\nWORKDIR ${dir:}\nENV x=${y:0:2}\n',
  'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nvalue=${VALUE:=1}\nEOF\n',
  // unknown instructions, JSON, destinations
  'FROM alpine:3.20\nRUNN echo\nRUN apt-get update &&\n    apt-get install -y curl\n',
  "FROM alpine:3.20\nCMD ['a', 'b']\nRUN ['make']\nENTRYPOINT [ 'app' ]\n",
  'FROM alpine:3.20\nADD a b c\nADD ["a", "b", "c"]\n',
  'FROM alpine:3.20\nONBUILD ADD a b c\nONBUILD STOPSIGNAL nope\nONBUILD EXPOSE port\nONBUILD ENV a\n',
];

/** Shipshape follows BuildKit here; dockerfile-utils reports something the build accepts. */
const BUILDKIT_ACCEPTS: { code: string; why: string }[] = [
  { code: 'FROM alpine:3.20\nHEALTHCHECK --interval=0s --retries=0 CMD true\n', why: '0 means "use the default" for durations and --retries' },
  { code: 'FROM alpine:3.20\nHEALTHCHECK --interval=0 CMD true\n', why: 'Go accepts a bare 0 as a duration' },
  { code: 'FROM alpine:3.20\nSTOPSIGNAL TERM\nSTOPSIGNAL RTMIN+3\n', why: 'the SIG prefix is optional and real-time signals are signals' },
  { code: 'FROM alpine:3.20\nADD --unpack=true a.tar /x/\n', why: 'ADD --unpack exists since Dockerfile 1.17' },
  { code: 'FROM alpine:3.20\nCOPY -- a /b/\n', why: 'a bare -- ends the flag list' },
  { code: 'FROM alpine:3.20\nCOPY --from=$STAGE a /b/\n', why: '--from is expanded with build arguments' },
  { code: 'FROM alpine:3.20\nEXPOSE 80$SUFFIX\n', why: 'EXPOSE is expanded at build time' },
  { code: 'FROM alpine:3.20\nSTOPSIGNAL $STOP\n', why: 'the variable may come from the base image' },
  { code: "FROM alpine:3.20\nENV a='${b:=c}'\n", why: 'single quotes are not expanded' },
  { code: 'FROM alpine:3.20\nHEALTHCHECK CMD echo ${A:=1}\n', why: 'HEALTHCHECK CMD is run by the shell, not expanded by BuildKit' },
];

function severityRank(severity: Finding['severity']): number {
  return { error: 4, warning: 3, info: 2, style: 1 }[severity];
}

describe('syntax rules: parity with dockerfile-utils', () => {
  let linter: Linter;
  before(async () => (linter = (await Linter.create()).withRules(SYNTAX_RULES)));

  it('covers at least 40 broken Dockerfiles that exercise every dockerfile-utils code Shipshape owns', () => {
    assert.ok(BROKEN.length >= 40, `only ${BROKEN.length} cases`);
    const seen = new Set<ValidationCode>();
    for (const text of BROKEN) for (const d of validate(text)) seen.add(d.code as ValidationCode);
    const missing = COVERED.filter((c) => !seen.has(c)).map((c) => ValidationCode[c]);
    assert.deepEqual(missing, [], 'codes no case exercises');
  });

  BROKEN.forEach((text, index) => {
    it(`case ${index + 1}: ${text.replace(/\n/g, '⏎ ').slice(0, 70) || '(empty file)'}`, () => {
      const lines = text.split('\n');
      const findings = linter.lint(text);
      for (const d of validate(text)) {
        const code = d.code as ValidationCode;
        const line = d.range.start.line;
        const word = d.range.start.line === d.range.end.line ? (lines[line] ?? '').slice(d.range.start.character, d.range.end.character) : '';
        if (ownedElsewhere(code, lines[line] ?? '', word, d.range)) continue;
        const wanted = d.severity === 1 ? 'error' : 'warning';
        const here = findings.filter((f) => f.range.start.line === line && severityRank(f.severity) >= severityRank(wanted));
        assert.ok(
          here.length > 0,
          `dockerfile-utils reports ${ValidationCode[code]} (${d.message}) on line ${line + 1}, Shipshape has no ${wanted} there; it has:\n` +
            findings.map((f) => `  ${f.range.start.line + 1}: ${f.code} ${f.severity} ${f.message}`).join('\n'),
        );
      }
    });
  });

  for (const { code, why } of BUILDKIT_ACCEPTS) {
    it(`stays silent where BuildKit builds: ${why}`, () => {
      assert.ok(validate(code).some((d) => !OWNED_ELSEWHERE.has(d.code as ValidationCode)), 'dockerfile-utils no longer reports this case');
      assert.deepEqual(linter.lint(code).map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`), []);
    });
  }
});
