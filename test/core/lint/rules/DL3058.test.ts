import rule from '../../../../src/core/lint/rules/DL3058';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.authors': 'email' as const, maintainer: 'email' as const } } };

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'default settings', code: rule.meta.examples.bad },
    { code: 'FROM alpine:3.20\nLABEL maintainer="abcd@google.com"\n', options },
    { code: 'FROM alpine:3.20\nLABEL maintainer=first.last+tag@mail.example.co.uk\n', options },
    { name: 'a quoted local part', code: 'FROM alpine:3.20\nLABEL maintainer=\'"john doe"@example.com\'\n', options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 40, message: /^Label `org\.opencontainers\.image\.authors` is not a valid email address: `Platform Team`/ }] },
    { code: 'FROM alpine:3.20\nLABEL maintainer="not-email"\n', options, errors: [{ line: 2, column: 18 }] },
    { name: 'a display name is not an address', code: 'FROM alpine:3.20\nLABEL maintainer="Jane <jane@example.com>"\n', options, errors: [{ line: 2 }] },
    { name: 'two @', code: 'FROM alpine:3.20\nLABEL maintainer=a@b@example.com\n', options, errors: [{ line: 2 }] },
    { name: 'in ONBUILD', code: 'FROM alpine:3.20\nONBUILD LABEL maintainer=nobody\n', options, errors: [{ line: 2 }] },
  ],
});
