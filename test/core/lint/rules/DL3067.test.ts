import rule from '../../../../src/core/lint/rules/DL3067';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nCOPY / /\n',
    'FROM alpine:3.20\nCOPY --from=build /app /\n',
    'FROM alpine:3.20\nCOPY --from=build / /app\n',
    { name: 'ADD is not checked', code: 'FROM alpine:3.20\nADD --chown=1 / /\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 4, column: 19, endColumn: 20, message: /^Do not copy the entire filesystem of `build`/ }] },
    { name: 'quoted', code: 'FROM alpine:3.20\nCOPY --from=build "/" "/"\n', errors: [{ line: 2, column: 19 }] },
    { name: 'exec form', code: 'FROM alpine:3.20\nCOPY --from=build ["/", "/"]\n', errors: [{ line: 2 }] },
    { name: 'from an image', code: 'FROM scratch\nCOPY --link --from=alpine:3.20 / /\n', errors: [{ line: 2, message: /`alpine:3\.20`/ }] },
  ],
});
