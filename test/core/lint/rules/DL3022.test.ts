import rule from '../../../../src/core/lint/rules/DL3022';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM scratch AS build\nRUN foo\nFROM node:20\nCOPY --from=build foo .\n',
    'FROM debian:12\nCOPY --from=haskell:latest bar .\n',
    'FROM debian:12\nCOPY --from=ghcr.io/org/tool:1.2 /bin/tool /bin/\n',
    { name: 'an image by digest', code: 'FROM debian:12\nCOPY --from=ghcr.io/org/tool@sha256:0123abcd /bin/tool /bin/\n' },
    { name: 'a quoted stage name (Shipshape keeps this; hadolint main compares the quotes too)', code: 'FROM a AS build\nFROM b\nCOPY --from="build" x .\n' },
    'FROM scratch AS build\nFROM node:20\nCOPY --from=0 foo .\n',
    'FROM scratch\nRUN foo\nFROM node:20\nCOPY --from=0 foo .\n',
    { name: 'stage names are case-insensitive', code: 'FROM golang:1.22 AS Build\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'copying from itself is DL3023', code: 'FROM node:20 AS foo\nCOPY --from=foo bar .\n' },
    { name: 'a variable (Shipshape keeps this; hadolint main reports a value it cannot know)', code: 'ARG IMG=tools\nFROM debian:12\nCOPY --from=$IMG /x /x\n' },
    { name: 'an index of an earlier stage from the third stage', code: 'FROM a\nFROM b\nFROM c\nCOPY --from=1 x .\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 4, column: 13, endColumn: 20, message: /no earlier stage is named `builder`/ }] },
    { code: 'COPY --from=foo bar .\n', errors: [{ line: 1 }] },
    {
      name: 'defined after',
      code: 'FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build\nRUN baz\n',
      errors: [{ line: 2, message: /only defined later, on line 3/ }],
    },
    { name: 'stage index not yet defined', code: 'FROM scratch\nCOPY --from=1 foo .\nFROM node:20\n', errors: [{ line: 2, message: /no stage 1 before/ }] },
    { code: 'COPY --from=0 bar .\n', errors: [{ line: 1 }] },
    { name: 'an index past every stage, as hadolint main', code: 'FROM a\nFROM b\nCOPY --from=2 x .\n', errors: [{ line: 3, message: /no stage 2 before/ }] },
    { name: 'a quoted index past every stage', code: 'FROM a\nFROM b\nCOPY --from="5" x .\n', errors: [{ line: 3, message: /no stage 5 before/ }] },
    {
      name: 'an image path without a tag or digest, as hadolint main',
      code: 'FROM debian:12\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/\n',
      errors: [{ line: 2, column: 13, message: /no earlier stage is named `ghcr.io\/org\/tool` \(an image needs a tag/ }],
    },
  ],
});
