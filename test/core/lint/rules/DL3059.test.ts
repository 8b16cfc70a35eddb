import rule from '../../../../src/core/lint/rules/DL3059';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN /foo.sh\n',
    { name: 'not consecutive', code: 'FROM debian:12\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n' },
    { name: 'different mounts', code: 'FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n' },
    { name: 'different mount ids', code: 'FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n' },
    { name: 'chained first', code: 'FROM debian:12\nRUN foo && bar\nRUN foobar\n' },
    { name: 'chained second', code: 'FROM debian:12\nRUN foobar\nRUN foo; bar\n' },
    { name: 'a command substitution counts as a second command, as hadolint main', code: 'FROM debian:12\nRUN echo "built $(date)" > /built\nRUN foobar\n' },
    { name: 'a pipeline is two commands, as hadolint main', code: 'FROM debian:12\nRUN foo | bar\nRUN foobar\n' },
    { name: 'a pipeline is chained', code: 'FROM debian:12\nRUN foobar\nRUN curl -fsSL x | sh\n' },
    { name: 'a new stage separates', code: 'FROM debian:12\nRUN foo\nFROM debian:12\nRUN bar\n' },
    { name: 'ONBUILD RUN is not RUN', code: 'FROM debian:12\nONBUILD RUN foo\nONBUILD RUN bar\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 1, endColumn: 4, message: 'Multiple consecutive RUN instructions (with line 2): consider joining them with && into one RUN' }],
      output: 'FROM debian:12\nRUN mkdir -p /app/data && \\\n    chown nobody /app/data\n',
    },
    {
      name: 'a comment does not separate (no fix: it would be lost)',
      code: 'FROM debian:12\nRUN /foo.sh\n# a comment\n# another\nRUN /bar.sh\n',
      errors: [{ line: 5 }],
      noFix: true,
    },
    { name: 'blank lines between go in the merge', code: 'FROM debian:12\nRUN /foo.sh\n\n  \nRUN /bar.sh\n', errors: [{ line: 5 }], output: 'FROM debian:12\nRUN /foo.sh && \\\n    /bar.sh\n' },
    { name: 'equal flags', code: 'FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n', errors: [{ line: 3 }] },
    { name: 'after a chained RUN, two single ones', code: 'FROM debian:12\nRUN foo && bar\nRUN foo\nRUN bar\n', errors: [{ line: 4 }] },
    {
      name: 'three in a row merge into one',
      code: 'FROM debian:12\nRUN a\nRUN b\nRUN c\n',
      errors: [{ line: 3 }, { line: 4 }],
      output: 'FROM debian:12\nRUN a && \\\n    b && \\\n    c\n',
    },
    {
      name: 'no merge after cd: the next command would run elsewhere',
      code: 'FROM debian:12\nRUN cd /tmp\nRUN make\n',
      errors: [{ line: 3 }],
    },
    { name: 'exec form counts as one command', code: 'FROM debian:12\nRUN ["a"]\nRUN ["b"]\n', errors: [{ line: 3 }] },
    // The merge fix is offered only where the merged RUN certainly builds the same.
    { name: 'no merge fix after cd (the next one would run elsewhere)', code: 'FROM debian:12\nRUN cd /tmp\nRUN make\n', errors: [{ line: 3 }], noFix: true },
    { name: 'no merge fix across a comment (it would be lost)', code: 'FROM debian:12\nRUN a\n# why\nRUN b\n', errors: [{ line: 4 }], noFix: true },
    { name: 'no merge fix with flags', code: 'FROM debian:12\nRUN --network=none a\nRUN --network=none b\n', errors: [{ line: 3 }], noFix: true },
    { name: 'no merge fix after a trailing comment', code: 'FROM debian:12\nRUN a # note\nRUN b\n', errors: [{ line: 3 }], noFix: true },
    { name: 'no merge fix in exec form', code: 'FROM debian:12\nRUN ["a"]\nRUN ["b"]\n', errors: [{ line: 3 }], noFix: true },
  ],
});
