import rule from '../../../../src/core/lint/rules/LegacyKeyValueFormat';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nENV A=1 B="two words"\nLABEL org.opencontainers.image.title="app"\n',
    { name: 'ARG has no legacy form', code: 'FROM alpine:3.20\nARG VERSION\n' },
    { name: 'check comments above ENV and LABEL skip them (as BuildKit)', code: 'FROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n# check=skip=LegacyKeyValueFormat\nLABEL key value\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 22, message: '"ENV key=value" should be used instead of legacy "ENV key value" format: use ENV APP_HOME=<value>' }],
      output: rule.meta.examples.good,
    },
    {
      name: 'a value with spaces is quoted',
      code: 'FROM alpine:3.20\nENV JAVA_OPTS -Xmx512m -Xms256m\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nENV JAVA_OPTS="-Xmx512m -Xms256m"\n',
    },
    {
      name: 'LABEL, with the keyword as written and an already quoted value',
      code: 'FROM alpine:3.20\nlabel maintainer "Jane Doe <jane@example.com>"\n',
      errors: [{ line: 2, column: 7, message: '"label key=value" should be used instead of legacy "label key value" format: use label maintainer=<value>' }],
      output: 'FROM alpine:3.20\nlabel maintainer="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'variables stay expandable; ONBUILD triggers are not checked',
      code: 'FROM alpine:3.20\nENV PATH /opt/bin:$PATH\nONBUILD ENV X y\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\nONBUILD ENV X y\n',
    },
    { name: 'no fix when the value mixes quotes and spaces', code: 'FROM alpine:3.20\nENV GREETING hello "big world"\n', errors: [{ line: 2 }], noFix: true },
  ],
});

// A fix must never change what is built: single quotes that stop expansion are kept.
ruleTester(rule, {
  valid: [],
  invalid: [
    { name: 'single-quoted $ stays unexpanded', code: "FROM busybox:1\nENV A '$x'\n", errors: [{ line: 2 }], output: "FROM busybox:1\nENV A='$x'\n" },
    { name: 'a quoted value with spaces keeps its quotes', code: "FROM busybox:1\nENV A '$x y'\n", errors: [{ line: 2 }], output: "FROM busybox:1\nENV A='$x y'\n" },
    { name: 'unquoted words with a variable are wrapped in double quotes (expansion unchanged)', code: 'FROM busybox:1\nENV A $x y\n', errors: [{ line: 2 }], output: 'FROM busybox:1\nENV A="$x y"\n' },
  ],
});
