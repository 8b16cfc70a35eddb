import rule from '../../../../src/core/lint/rules/DL3023';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM scratch AS build\nRUN foo\nFROM node:20 AS run\nCOPY --from=build foo .\nRUN baz\n',
    'FROM node:20\nCOPY --from=node:20 /usr/local/bin/node /node\n',
    'FROM node:20 AS foo\nCOPY bar .\n',
    'FROM scratch\nFROM node:20\nCOPY --from=0 foo .\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 13, endColumn: 18, message: /`build` is the stage this COPY is in \(line 1\)/ }] },
    { code: 'FROM node:20 AS foo\nCOPY --from=foo bar .\n', errors: [{ line: 2 }] },
    { name: 'case-insensitive', code: 'FROM node:20 AS Foo\nRUN x\nCOPY --from=foo bar .\n', errors: [{ line: 3 }] },
    { name: 'its own index', code: 'FROM scratch\nFROM node:20\nCOPY --from=1 foo .\n', errors: [{ line: 3 }] },
  ],
});
