import rule from '../../../../src/core/lint/rules/DL3055';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.revision': 'hash' as const } } };
const label = (v: string) => `FROM alpine:3.20\nLABEL org.opencontainers.image.revision="${v}"\n`;

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'default settings', code: rule.meta.examples.bad },
    { code: label('2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d'), options },
    { name: 'a build argument', code: 'FROM alpine:3.20\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\n', options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 41, message: /^Label `org\.opencontainers\.image\.revision` is not a valid git hash: `main`/ }] },
    { name: 'uppercase', code: label('4F2C9D1'), options, errors: [{ line: 2 }] },
    { name: 'wrong length', code: label('4f2c9d1e'), options, errors: [{ line: 2 }] },
    { name: 'not hexadecimal', code: label('4f2c9dz'), options, errors: [{ line: 2 }] },
  ],
});
