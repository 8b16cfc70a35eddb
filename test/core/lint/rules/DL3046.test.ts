import rule from '../../../../src/core/lint/rules/DL3046';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN useradd luser\n',
    'FROM debian:12\nRUN useradd -u 12345 luser\n',
    'FROM debian:12\nRUN useradd -l luser\n',
    'FROM debian:12\nRUN useradd --no-log-init --uid 123456 luser\n',
    'FROM debian:12\nRUN useradd -lmu 123456 luser\n',
    { name: 'a computed UID cannot be judged', code: 'FROM debian:12\nRUN useradd -u "${APP_UID}" luser\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 16, endColumn: 22, message: '`useradd` with the high UID 123456 and without `-l` writes huge lastlog/faillog files into the image: use `useradd -l`' }],
      output: 'FROM debian:12\nRUN useradd -l -u 123456 app\n',
    },
    { code: 'FROM debian:12\nRUN useradd --uid=1000000 -m app\n', errors: [{ line: 2, column: 13 }], output: 'FROM debian:12\nRUN useradd -l --uid=1000000 -m app\n' },
    { name: 'in ONBUILD, on a continuation line', code: 'FROM debian:12\nONBUILD RUN groupadd -g 123456 app && \\\n  useradd -mu 123456 -g app app\n', errors: [{ line: 3, column: 15 }] },
  ],
});
