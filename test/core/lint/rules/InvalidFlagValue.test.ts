import rule from '../../../../src/core/lint/rules/InvalidFlagValue';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    {
      name: 'every mount type with its options',
      code:
        'FROM alpine:3.20\n' +
        'RUN --mount=type=cache,id=go,target=/root/.cache,sharing=locked,mode=0755,uid=0,gid=0 \\\n' +
        '    --mount=type=bind,source=go.mod,target=go.mod,ro \\\n' +
        '    --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true \\\n' +
        '    --mount=type=secret,id=token,env=TOKEN \\\n' +
        '    --mount=type=ssh,required \\\n' +
        '    --mount=type=tmpfs,target=/tmp,size=64m \\\n' +
        '    --mount=target=/src,from=build,rw \\\n' +
        '    --network=host --security=insecure go build\n',
    },
    { name: 'variables are expanded at build time', code: 'FROM alpine:3.20\nRUN --mount=type=$TYPE,target=/x --network=$NET echo\nCOPY --from=$STAGE --chmod=$MODE a /b/\n' },
    'FROM --platform=linux/arm64/v8 alpine:3.20\nFROM --platform=$BUILDPLATFORM alpine:3.20\nFROM --platform=arm64 alpine:3.20\n',
    'FROM alpine:3.20\nCOPY --from=0 --chmod=0644 --link=TRUE a /b/\nCOPY --from=build --chmod=u=rwX,go=rX a /b/\nCOPY --chmod=+x a /b/\n',
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /b/\n',
    { name: 'BuildKit drops the quotes around flag values', code: 'FROM alpine:3.20\nRUN --mount="type=cache,target=/x" --network=\'host\' echo\nCOPY --from="build" a /b/\n' },
    { name: 'HEALTHCHECK --retries=0 means the default', code: 'FROM alpine:3.20\nHEALTHCHECK --retries=0 CMD true\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 13, endColumn: 23, message: 'Unknown mount type `cahce`: use bind, cache, tmpfs, secret, ssh (did you mean `cache`?)' }],
      output: rule.meta.examples.good,
    },
    {
      name: 'a misspelt mount option',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,targte=/x echo\n',
      errors: [{ line: 2, column: 24, message: 'Unknown mount option `targte`: did you mean `target`?' }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x echo\n',
    },
    {
      name: 'mount options that do not fit the type',
      code: 'FROM alpine:3.20\nRUN --mount=type=bind,target=/x,mode=0755,sharing=locked,size=1m echo\n',
      errors: [{ line: 2, message: /`mode` only applies/ }, { line: 2, message: /`sharing` only applies/ }, { line: 2, message: /`size` only applies/ }],
    },
    { name: 'a secret without id or target', code: 'FROM alpine:3.20\nRUN --mount=type=secret echo\n', errors: [{ line: 2, message: /needs `id=/ }] },
    { name: 'a mount option without a value', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target echo\n', errors: [{ line: 2, message: /`target` needs a value/ }] },
    {
      name: 'network and security modes',
      code: 'FROM alpine:3.20\nRUN --network=nnone --security=root echo\n',
      errors: [{ line: 2, column: 15, message: /use default, none or host/ }, { line: 2, column: 32, message: /use sandbox or insecure/ }],
      output: 'FROM alpine:3.20\nRUN --network=none --security=root echo\n',
    },
    { name: 'true/false flags', code: 'FROM alpine:3.20\nCOPY --link=yes a /b/\nADD --keep-git-dir=1 a /b/\n', errors: [{ line: 2, column: 13 }, { line: 3, column: 20 }] },
    { name: '--from must not start with a symbol', code: 'FROM alpine:3.20\nCOPY --from=-build a /b/\n', errors: [{ line: 2, column: 13, message: /name a build stage/ }] },
    { name: '--chmod beyond 7777 or not a mode', code: 'FROM alpine:3.20\nCOPY --chmod=99999 a /b/\nCOPY --chmod=rwx a /b/\n', errors: [{ line: 2 }, { line: 3 }] },
    { name: '--platform with a dash', code: 'FROM --platform=linux-amd64 alpine:3.20\n', errors: [{ line: 1, column: 17, message: /e.g. linux\/amd64/ }] },
    { name: '--checksum that is not a digest', code: 'FROM alpine:3.20\nADD --checksum=md5:abc https://x/y /z/\n', errors: [{ line: 2 }] },
    { name: '--retries negative or not a number', code: 'FROM alpine:3.20\nHEALTHCHECK --retries=-1 CMD true\nHEALTHCHECK --retries=2.5 CMD true\n', errors: [{ line: 2, message: /cannot be negative/ }, { line: 3, message: /whole number/ }] },
    { name: 'a quoted value has no offset-based fix', code: 'FROM alpine:3.20\nRUN --mount="type=cahce,target=/x" echo\n', errors: [{ line: 2, column: 13, endColumn: 35, message: /did you mean `cache`/ }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD RUN --network=bridge echo\n', errors: [{ line: 2, column: 23 }] },
  ],
});
