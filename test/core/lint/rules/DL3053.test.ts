import rule from '../../../../src/core/lint/rules/DL3053';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' as const } } };
const label = (v: string) => `FROM alpine:3.20\nLABEL org.opencontainers.image.created="${v}"\n`;

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'default settings', code: rule.meta.examples.bad },
    { code: label('2021-03-10T10:26:33.564595127+01:00'), options },
    { code: label('2024-02-29T23:59:60z'), options },
    { name: 'a build argument', code: 'FROM alpine:3.20\nARG BUILD_DATE\nLABEL org.opencontainers.image.created=${BUILD_DATE}\n', options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 40, message: /^Label `org\.opencontainers\.image\.created` is not a valid RFC 3339 time: `May 1st 2024`/ }] },
    { name: 'a date alone', code: label('2024-05-01'), options, errors: [{ line: 2 }] },
    { name: 'no offset', code: label('2024-05-01T12:00:00'), options, errors: [{ line: 2 }] },
    { name: 'no 31st of April', code: label('2024-04-31T12:00:00Z'), options, errors: [{ line: 2 }] },
    { name: 'not a leap year', code: label('2023-02-29T12:00:00Z'), options, errors: [{ line: 2 }] },
    { name: 'hour 24', code: label('2024-05-01T24:00:00Z'), options, errors: [{ line: 2 }] },
  ],
});
