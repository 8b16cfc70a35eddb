import rule from '../../../../src/core/lint/rules/DL4001';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM node:20 AS foo\nRUN wget my.xyz\n',
    { name: 'different stages', code: 'FROM node:20 AS foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n' },
    { name: 'RUN and ONBUILD RUN are apart', code: 'FROM node:20\nRUN wget my.xyz\nONBUILD RUN curl localhost\n' },
    { name: 'a word, not a command', code: 'FROM node:20\nRUN wget my.xyz && echo curl\n' },
    { name: 'a FROM after a fragment starts a new stage, as hadolint', code: 'RUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSLO https://example.com/b\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 3, column: 5, endColumn: 9, message: 'Either use wget or curl but not both: this stage also uses `wget` (line 2); use one tool for every download' }] },
    { name: 'in one RUN', code: 'FROM node:20\nRUN wget my.xyz && curl localhost\n', errors: [{ line: 2, column: 20 }] },
    { name: 'only the RUNs that use either', code: 'FROM node:20\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n', errors: [{ line: 3 }, { line: 5, column: 5, message: /also uses `curl` \(line 3\)/ }] },
    { name: 'once per stage where both occur', code: 'FROM node:20\nRUN wget a\nRUN curl b\nFROM scratch\nRUN curl c\n', errors: [{ line: 3 }] },
    { name: 'in ONBUILD triggers', code: 'FROM node:20\nONBUILD RUN wget a\nONBUILD RUN curl b\n', errors: [{ line: 3, column: 13 }] },
    { name: 'in a Dockerfile fragment without FROM, as hadolint: wget and curl', code: 'RUN wget -q https://example.com/a\nRUN curl -fsSLO https://example.com/b\n', errors: [{ line: 2, column: 5 }] },
  ],
});
