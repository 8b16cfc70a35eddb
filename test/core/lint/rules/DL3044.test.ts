import rule from '../../../../src/core/lint/rules/DL3044';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM busybox:1.36\nENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n',
    'FROM busybox:1.36\nENV BLA="blubb" BLUBB="${FOOBLA}/blubb"\n',
    'FROM busybox:1.36\nENV BLA="blubb" BLUBB="$BLAFOO/blubb"\n',
    'FROM busybox:1.36\nENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"\n',
    'FROM busybox:1.36\nARG BLA\nENV BLA=${BLA}\n',
    'FROM busybox:1.36\nENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n',
    { name: 'defined before in an ARG', code: 'FROM busybox:1.36\nARG A=1\nENV A=2 B=$A\n' },
    { name: 'escaped and single-quoted references are literal', code: "FROM busybox:1.36\nENV A=1 B=\\$A C='$A'\n" },
    { name: 'inherited from the parent stage', code: 'FROM busybox:1.36 AS base\nENV A=1\nFROM base\nENV A=2 B=$A\n' },
    { name: 'a variable may use its own old value', code: 'FROM busybox:1.36\nENV PATH=/bla:${PATH} HOME=/root\n' },
  ],
  invalid: [
    {
      name: 'a reference with a default (Shipshape reads it; hadolint main only matches `$A` and `${A}`)',
      code: 'FROM busybox:1.36\nENV A=1 B=${A:-x}\n',
      errors: [{ line: 2, message: /`\$\{A:-x\}`/ }],
    },
    {
      name: 'a name set in an unrelated earlier stage (Shipshape reports; hadolint main remembers names across stages)',
      code: 'FROM busybox:1.36\nENV A=0\nFROM busybox:1.36\nENV A=1 B=$A\n',
      errors: [{ line: 4 }],
    },
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 27, endColumn: 36, message: 'Do not refer to `APP_HOME` in the same ENV that defines it: `$APP_HOME` expands to its previous value here; set APP_HOME in an earlier ENV' }],
    },
    { code: 'FROM busybox:1.36\nENV BLA="blubb" BLUBB="${BLA}/blubb"\n', errors: [{ line: 2, column: 24, endColumn: 30 }] },
    { code: 'FROM busybox:1.36\nENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n', errors: [{ line: 2, column: 24, endColumn: 28 }] },
    { name: 'the same variable twice in one ENV', code: 'FROM busybox:1.36\nENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n', errors: [{ line: 2, column: 35, endColumn: 42 }] },
    { name: 'not inherited from an unrelated stage', code: 'FROM busybox:1.36 AS base\nENV A=1\nFROM busybox:1.36\nENV A=2 B=$A\n', errors: [{ line: 4, column: 11 }] },
    { name: 'in ONBUILD, with a default', code: 'FROM busybox:1.36\nONBUILD ENV A=1 \\\n  B=${A:-x}\n', errors: [{ line: 3, column: 5, endColumn: 12 }] },
  ],
});
