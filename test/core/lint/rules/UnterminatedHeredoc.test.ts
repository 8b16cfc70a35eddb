import rule from '../../../../src/core/lint/rules/UnterminatedHeredoc';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nRUN <<-EOF\n\techo hi\n\tEOF\nCOPY <<"EOT" /x\nbody\nEOT\n',
    { name: 'two heredocs on one line', code: 'FROM alpine:3.20\nRUN <<A cat <<B\na\nA\nb\nB\n' },
    { name: 'a here-string is not a heredoc', code: 'FROM alpine:3.20\nRUN cat <<< "hi"\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 7, endColumn: 10, message: 'Heredoc `EOF` is never closed: end it with a line containing only `EOF`' }] },
    {
      name: 'an indented delimiter',
      code: 'FROM alpine:3.20\nRUN <<EOF\necho hi\n  EOF\nRUN echo next\n',
      errors: [{ line: 2, message: /line 4 is indented/ }],
      output: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\nRUN echo next\n',
    },
    { name: 'the second of two heredocs', code: 'FROM alpine:3.20\nRUN <<A cat <<B\na\nA\nb\n', errors: [{ line: 2, column: 15 }] },
    { name: 'COPY', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\n', errors: [{ line: 2 }] },
  ],
});
