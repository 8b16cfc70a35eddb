import rule from '../../../../src/core/lint/rules/UnknownFlag';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache --network=none --security=sandbox go build\n',
    'FROM alpine:3.20\nCOPY --from=build --chown=app --chmod=755 --link --parents --exclude=*.md src/ /app/\n',
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d --keep-git-dir --unpack=false a /b/\n',
    { name: 'a bare -- ends the flags in BuildKit', code: 'FROM alpine:3.20\nCOPY -- a /b/\n' },
    { name: 'HEALTHCHECK NONE does not read its flags', code: 'FROM alpine:3.20\nHEALTHCHECK --whatever NONE\n' },
    { name: 'exec form passes --flags to the program', code: 'FROM alpine:3.20\nCMD ["--help"]\nENTRYPOINT ["app", "--verbose"]\n' },
    { name: 'STOPSIGNAL does not parse flags', code: 'FROM alpine:3.20\nSTOPSIGNAL SIGTERM\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 6, endColumn: 13, message: 'Unknown flag `--chwon` for COPY: did you mean `--chown`?' }],
      output: 'FROM alpine:3.20\nCOPY --chown=app:app . /app\n',
    },
    {
      name: 'no suggestion lists the accepted flags',
      code: 'FROM alpine:3.20\nADD --recursive a /b/\n',
      errors: [{ line: 2, column: 5, message: /accepts --chown, --chmod, --link, --keep-git-dir, --checksum, --exclude, --unpack/ }],
    },
    { name: 'FROM only takes --platform', code: 'FROM --plattform=linux/amd64 alpine:3.20\n', errors: [{ line: 1, column: 6, message: /did you mean `--platform`/ }] },
    { name: 'flags are case-sensitive', code: 'FROM alpine:3.20\nCOPY --Chown=app . /app\n', errors: [{ line: 2, message: /did you mean `--chown`/ }], output: 'FROM alpine:3.20\nCOPY --chown=app . /app\n' },
    { name: 'HEALTHCHECK flags', code: 'FROM alpine:3.20\nHEALTHCHECK --intervall=5s CMD true\n', errors: [{ line: 2, column: 13, message: /did you mean `--interval`/ }] },
    { name: 'RUN flags', code: 'FROM alpine:3.20\nRUN --mnt=type=cache,target=/x echo\n', errors: [{ line: 2, column: 5 }] },
    { name: 'a flag without a name', code: 'FROM alpine:3.20\nCOPY --=x a /b/\n', errors: [{ line: 2, message: /Flag without a name/ }] },
    {
      name: 'CMD takes no flags; exec form is the way to pass them',
      code: 'FROM alpine:3.20\nCMD --help\n',
      errors: [{ line: 2, column: 5, message: 'CMD takes no flags: `--help` fails the build; to pass it to the program use exec form, e.g. CMD ["--help"]' }],
    },
    { name: 'ENV and WORKDIR take no flags', code: 'FROM alpine:3.20\nENV --x=1 A=b\nWORKDIR --p /app\n', errors: [{ line: 2 }, { line: 3 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD COPY --foo a /b/\n', errors: [{ line: 2, column: 14 }] },
    { name: 'on a continuation line', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x \\\n    --netwrk=none echo\n', errors: [{ line: 3, column: 5, message: /did you mean `--network`/ }] },
  ],
});
