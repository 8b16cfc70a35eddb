import rule from '../../../../src/core/lint/rules/DL3056';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.version': 'semver' as const } } };
const label = (v: string) => `FROM alpine:3.20\nLABEL org.opencontainers.image.version="${v}"\n`;

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'default settings', code: rule.meta.examples.bad },
    { code: label('2.0.1-rc1'), options },
    { code: label('1.0.0-alpha.1+build.5'), options },
    { name: 'another label', code: 'FROM alpine:3.20\nLABEL other=foo\n', options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 40, message: /^Label `org\.opencontainers\.image\.version` does not conform to semantic versioning: `v1\.2`/ }] },
    { code: label('not-sem-ver'), options, errors: [{ line: 2 }] },
    { name: 'leading zeros', code: label('01.2.3'), options, errors: [{ line: 2 }] },
    { name: 'a v prefix', code: label('v1.2.3'), options, errors: [{ line: 2 }] },
  ],
});
