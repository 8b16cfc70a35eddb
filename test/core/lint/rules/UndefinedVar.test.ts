import rule from '../../../../src/core/lint/rules/UndefinedVar';
import type { LocalImages } from '../../../../src/core/lint/types';
import { ruleTester } from '../rule-tester';

/** A daemon holding python:3.12 and alpine:3.20 (with the env they ship); anything else is absent. */
const env: Record<string, string[]> = { 'python:3.12': ['PATH', 'LANG', 'GPG_KEY', 'PYTHON_VERSION'], 'alpine:3.20': ['PATH'] };
const localImages: LocalImages = { platformOf: () => 'linux/amd64', defaultPlatform: 'linux/amd64', envOf: (ref) => env[ref] };
const withImages = { localImages };

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
    { name: 'an upper-case proxy name may come from an image whose env is not known', code: 'FROM alpine:3.20\nENV http_proxy=$HTTP_PROXY\n' },
    { name: 'predefined platform args after ARG', code: 'FROM alpine:3.20\nARG TARGETARCH\nCOPY bin/app-$TARGETARCH /usr/local/bin/app\n' },
    // The base image's environment, from the daemon (fake here).
    { name: 'a name the local base image sets is defined', code: 'FROM python:3.12\nARG VERSION=$PYTHON_VERSION\nENV LANG=$LANG\n', options: withImages },
    { name: 'a stage built FROM a stage has its root image env', code: 'FROM python:3.12 AS base\nFROM base AS app\nFROM app\nWORKDIR /opt/$PYTHON_VERSION\n', options: withImages },
    { name: 'an image absent from the daemon keeps the upper-case guess', code: 'FROM node:22\nWORKDIR $NODE_VERSION\n', options: withImages },
    { name: 'PATH is set even when the local image env lacks it (as BuildKit)', code: 'FROM python:3.12\nENV PATH=/x:$PATH\n', options: { localImages: { ...localImages, envOf: () => [] } } },
    // As BuildKit master (dockerfile_check_test.go testUndeclaredArg, testUnmatchedVars; dockerfile2llb/convert.go).
    { name: 'FROM and its --platform are UndefinedArgInFrom’s, not this rule’s (as BuildKit)', code: 'ARG tag=latest\nFROM --platform=$BULIDPLATFORM busybox:${tag}${version}\nCOPY Dockerfile .\n' },
    { name: 'an ARG without a value in the stage defines the name (as BuildKit)', code: 'FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n' },
    { name: 'an ARG of the parent stage is inherited (as BuildKit)', code: 'FROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n' },
    { name: 'ONBUILD ARG and ENV of the parent run in the child stage (as BuildKit)', code: 'FROM alpine AS base\nONBUILD ARG ver=1\nONBUILD ENV dir=/srv\nFROM base\nCOPY app-$ver $dir/\n' },
    { name: 'a trigger ARG is inherited by the stage after the one it ran in (as BuildKit)', code: 'FROM alpine AS a\nONBUILD ARG x=1\nFROM a AS b\nFROM b\nCOPY $x .\n' },
    { name: 'an ONBUILD trigger is not expanded in its own stage (as BuildKit)', code: 'FROM alpine\nONBUILD COPY $foo .\n' },
    { name: 'a quoted heredoc delimiter keeps the body as written (as BuildKit)', code: "FROM alpine\nCOPY <<'EOF' /etc/app.conf\nname=$app_name\nEOF\nADD <<\"EOF\" /b\n${b}\nEOF\n" },
    { name: 'an escaped dollar in a heredoc body (as BuildKit)', code: 'FROM alpine\nCOPY <<EOF /x.sh\necho \\$app_name\nEOF\n' },
    { name: 'RUN heredoc bodies are the shell’s (as BuildKit)', code: 'FROM alpine\nRUN <<EOF\necho $foo\nEOF\n' },
    { name: 'EXPOSE, COPY --from and --exclude are not reported (as BuildKit)', code: 'FROM alpine\nEXPOSE $port\nCOPY --from=$src --exclude=$pat /a /b\n' },
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
    {
      name: 'a name the local base image does not set is reported',
      code: 'FROM python:3.12\nARG VERSION=$PYTHON_VERSION\nCOPY $BAR /srv/\n',
      options: withImages,
      errors: [{ line: 3, column: 6, endColumn: 10, message: "Usage of undefined variable '$BAR': declare it with ARG or ENV before this instruction" }],
    },
    {
      name: 'a stage chain reports against its root image env',
      code: 'FROM python:3.12 AS base\nFROM base\nCOPY $PYTHON_VERSION $GOPATH /\n',
      options: withImages,
      errors: [{ line: 3, column: 22, message: /'\$GOPATH'/ }],
    },
    {
      name: 'proxy build args are not variables of the stage (as BuildKit)',
      code: 'FROM alpine:3.20\nENV http_proxy=$HTTP_PROXY no_proxy=$no_proxy\n',
      options: withImages,
      errors: [{ line: 2, column: 16, message: /'\$HTTP_PROXY'/ }, { line: 2, column: 37, message: /'\$no_proxy'/ }],
    },
    {
      name: 'use before the ARG that declares it (as BuildKit)',
      code: 'FROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'a typo of an ARG of the stage (as BuildKit)',
      code: 'FROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET .\n',
      errors: [{ line: 4, column: 6, message: "Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)" }],
    },
    {
      name: 'every stage is checked, not only the target (as BuildKit’s lint of all targets)',
      code: 'FROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n',
      errors: [{ line: 2, column: 6 }, { line: 5, column: 6 }],
    },
    {
      name: 'ADD --checksum is expanded (as BuildKit)',
      code: 'FROM alpine\nADD --checksum=sha256:$sum https://example.com/a.tgz /a.tgz\n',
      errors: [{ line: 2, column: 23, message: /'\$sum'/ }],
    },
    {
      name: 'COPY and ADD heredoc bodies are expanded, quotes being text there (as BuildKit)',
      code: "FROM alpine\nCOPY <<EOF /etc/app.conf\nname=$app_name\n  user='${app_user}'\nEOF\nADD <<-EOF /b\n\t$b\nEOF\n",
      errors: [{ line: 3, column: 6, endColumn: 15 }, { line: 4, column: 9, endColumn: 20 }, { line: 7, column: 2 }],
    },
    {
      name: 'the parent’s ONBUILD triggers are checked at the child FROM, once (as BuildKit)',
      code: 'FROM alpine AS base\nONBUILD COPY $foo .\nFROM base AS app\nFROM app\n',
      errors: [{ line: 3, column: 6, endColumn: 10, message: "Usage of undefined variable '$foo': declare it with ARG or ENV before this instruction (in the ONBUILD trigger on line 2, which runs at this FROM)" }],
    },
    {
      name: '${name:-default}, ${name:+alt} and a nested default each look the name up (as BuildKit)',
      code: 'FROM alpine\nARG a=1\nWORKDIR ${app_dir:-/app}${suffix:+-x}${a:-$b}\n',
      errors: [{ line: 3, column: 9 }, { line: 3, column: 25 }, { line: 3, column: 43 }],
    },
    {
      name: 'STOPSIGNAL and an ENV key are expanded (as BuildKit)',
      code: 'FROM alpine\nSTOPSIGNAL $sig\nENV $name=1\n',
      errors: [{ line: 2, column: 12 }, { line: 3, column: 5 }],
    },
  ],
});
