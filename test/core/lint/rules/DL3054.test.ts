import rule from '../../../../src/core/lint/rules/DL3054';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' as const } } };
const label = (v: string) => `FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="${v}"\n`;

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'default settings', code: rule.meta.examples.bad },
    { code: label('BSD-3-Clause'), options },
    { name: 'ids are case-insensitive', code: label('mit'), options },
    { code: label('MIT OR Apache-2.0'), options },
    { code: label('(MIT AND BSD-2-Clause) OR GPL-2.0-or-later WITH Classpath-exception-2.0'), options },
    { code: label('GPL-2.0+'), options },
    { code: label('LicenseRef-Proprietary'), options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 41, endColumn: 51, message: /^Label `org\.opencontainers\.image\.licenses` is not a valid SPDX license identifier: `Apache 2`/ }] },
    { name: 'an unknown id', code: label('not-spdx'), options, errors: [{ line: 2 }] },
    { name: 'a dangling operator', code: label('MIT OR'), options, errors: [{ line: 2 }] },
    { name: 'unbalanced parentheses', code: label('(MIT OR Apache-2.0'), options, errors: [{ line: 2 }] },
    { name: 'WITH needs an exception', code: label('GPL-2.0-only WITH MIT'), options, errors: [{ line: 2 }] },
  ],
});
