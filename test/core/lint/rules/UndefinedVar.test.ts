import rule from '../../../../src/core/lint/rules/UndefinedVar';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nARG foo\nCOPY $foo .\n',
    'FROM alpine:3.20\nENV APP=/srv/app\nWORKDIR $APP\nCOPY . ${APP}/\n',
    { name: 'RUN shell text is left to the shell', code: 'FROM alpine:3.20\nRUN echo $undefined_here && cd "${HOME}"\n' },
    { name: 'CMD and ENTRYPOINT are not expanded by BuildKit', code: 'FROM alpine:3.20\nCMD echo $whatever\nENTRYPOINT ["sh", "-c", "$also"]\n' },
    { name: 'single quotes and escapes prevent expansion', code: "FROM scratch\nENV A='$not_a_var' B=\\$nor_this\n" },
    { name: 'PATH is always set', code: 'FROM scratch\nENV PATH=/app/bin:$PATH\n' },
    { name: 'an upper-case name may come from the base image environment', code: 'FROM python:3.12\nARG VERSION=$PYTHON_VERSION\nWORKDIR $GOPATH/src\n' },
    { name: 'extending a variable of the base image', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nENV LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH\n' },
    { name: 'ENV and ARG of the parent stage are inherited', code: 'FROM alpine:3.20 AS base\nARG version=1\nENV DIR=/opt\nFROM base\nCOPY app-$version $DIR/\n' },
    { name: 'a global ARG redeclared in the stage', code: 'ARG TAG=1\nFROM alpine:3.20\nARG TAG\nLABEL version=$TAG\n' },
    { name: 'ARG defaults see the ARGs before them in the same instruction', code: 'FROM scratch\nARG A=1 B=$A\n' },
    { name: 'ARG with several names and a continuation', code: 'FROM scratch\nARG A=1 \\\n  B="x $A" C\nCOPY $B$C /\n' },
    { name: 'proxy build args need no ARG', code: 'FROM alpine:3.20\nENV http_proxy=$HTTP_PROXY\n' },
    { name: 'predefined platform args after ARG', code: 'FROM alpine:3.20\nARG TARGETARCH\nCOPY bin/app-$TARGETARCH /usr/local/bin/app\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 10, endColumn: 18, message: "Usage of undefined variable '$VERSION': a global ARG is only visible in a stage after `ARG VERSION` in that stage" }],
    },
    {
      name: 'typo with a suggestion (the docs example)',
      code: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n',
      errors: [{ line: 2, column: 10, message: "Usage of undefined variable '$PAHT' (did you mean $PATH?)" }],
    },
    { name: 'lower-case names are the Dockerfile’s own', code: 'FROM alpine AS base\nCOPY $foo .\n', errors: [{ line: 2, column: 6, message: /'\$foo'/ }] },
    { name: 'ARG default using an undefined variable', code: 'FROM alpine AS base\nARG VERSION=$foo\n', errors: [{ line: 2, column: 13 }] },
    {
      name: 'on scratch every variable is known, so every unknown one is reported',
      code: 'FROM scratch\nCOPY $HOME/app /app\nWORKDIR ${APP_DIR:-/app}\n',
      errors: [{ line: 2, column: 6, message: /'\$HOME'/ }, { line: 3, column: 9, endColumn: 25, message: /'\$APP_DIR'/ }],
    },
    {
      name: 'an ENV cannot use a variable it sets itself',
      code: 'FROM alpine:3.20\nENV base=/opt dir=$base/app\n',
      errors: [{ line: 2, column: 19, message: /'\$base'/ }],
    },
    {
      name: 'predefined platform args need ARG in the stage',
      code: 'FROM alpine:3.20\nCOPY bin/app-${TARGETARCH} /usr/local/bin/app\n',
      errors: [{ line: 2, column: 14, message: /declare `ARG TARGETARCH` in this stage/ }],
    },
    {
      name: 'COPY flags, RUN --mount options, LABEL, USER, VOLUME and continuations',
      code: 'FROM alpine:3.20\nCOPY --chown=$user:app . /app\nRUN --mount=type=secret,id=$secret_id cat /run/secrets/x\nLABEL a=b \\\n  c="$c_value"\nUSER $user_name\nVOLUME ["$data_dir"]\n',
      errors: [{ line: 2, column: 14 }, { line: 3, column: 28 }, { line: 5, column: 6 }, { line: 6, column: 6 }, { line: 7, column: 10 }],
    },
    { name: 'a default of the second ARG name', code: 'FROM scratch\nARG A B="$missing y"\n', errors: [{ line: 2, column: 10, endColumn: 18 }] },
    {
      name: 'each name once per instruction',
      code: 'FROM alpine:3.20\nCOPY $src/a $src/b /dst/\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'a variable set in another stage is not in scope',
      code: 'FROM alpine:3.20 AS one\nENV APP_ROOT=/app\nFROM alpine:3.20 AS two\nWORKDIR $APP_ROOT\n',
      errors: [{ line: 4, column: 9 }],
    },
  ],
});
