import rule from '../../../../src/core/lint/rules/NoEmptyContinuation';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\n\nRUN true\n\nRUN false\n',
    { name: 'a comment line inside a continuation is fine', code: 'FROM debian:12\nRUN apt-get update && \\\n    # install curl\n    apt-get install -y curl\n' },
    { name: 'empty lines in a heredoc body', code: 'FROM debian:12\nRUN <<EOF\nset -e\n\necho hi\nEOF\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      name: 'once, on the line where the instruction ends, as BuildKit; the empty line related',
      errors: [{ line: 4, column: 1, related: [3], message: 'Empty continuation line in RUN (line 3): delete it (the instruction goes on after it)' }],
      output: rule.meta.examples.good,
    },
    {
      name: 'whitespace-only lines, several of them',
      code: 'FROM debian:12\nRUN a \\\n   \n  && b \\\n\n  && c\n',
      errors: [{ line: 6, related: [3, 5], message: /lines in RUN \(line 3, 5\): delete them/ }],
      output: 'FROM debian:12\nRUN a \\\n  && b \\\n  && c\n',
    },
    {
      name: 'with the backtick escape',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n  c:\\\n',
      errors: [{ line: 5, related: [4] }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\n',
    },
    { name: 'in ENV', code: 'FROM debian:12\nENV A=1 \\\n\n    B=2\n', errors: [{ line: 4, message: /in ENV/ }] },
    {
      name: 'as BuildKit: the line of the last word, comments and empty lines before it',
      code: '\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n',
      errors: [{ line: 6, related: [5] }],
    },
    {
      name: 'a check comment above the instruction does not skip it: BuildKit checks the whole file at once',
      code: 'FROM debian:12\n# check=skip=NoEmptyContinuation\nRUN a \\\n\n  b\n',
      errors: [{ line: 5 }],
    },
  ],
});
