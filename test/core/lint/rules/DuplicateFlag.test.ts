import rule from '../../../../src/core/lint/rules/DuplicateFlag';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: '--mount may be repeated', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b echo\n' },
    { name: '--exclude may be repeated', code: 'FROM alpine:3.20\nCOPY --exclude=*.md --exclude=*.txt . /app/\n' },
    { name: 'the same flag on two instructions', code: 'FROM alpine:3.20\nCOPY --chown=a x /y/\nCOPY --chown=b z /y/\n' },
    { name: 'HEALTHCHECK NONE does not read flags', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=1s --interval=2s NONE\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 18, message: 'Duplicate flag `--chown`: it is already given at line 2, column 6; keep one' }] },
    {
      name: 'an identical repeat can be removed',
      code: 'FROM alpine:3.20\nCOPY --link --chown=app --link . /app\n',
      errors: [{ line: 2, column: 25 }],
      output: 'FROM alpine:3.20\nCOPY --link --chown=app . /app\n',
    },
    { name: 'HEALTHCHECK durations', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s --interval=6s CMD true\n', errors: [{ line: 2, column: 27 }] },
    { name: 'three times reports the two repeats', code: 'FROM --platform=a/b --platform=c/d --platform=e/f alpine:3.20\n', errors: [{ line: 1 }, { line: 1 }] },
    { name: 'across a line continuation', code: 'FROM alpine:3.20\nRUN --network=none \\\n    --network=host echo\n', errors: [{ line: 3, column: 5 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD COPY --from=a --from=b x /y/\n', errors: [{ line: 2, column: 23 }] },
  ],
});
