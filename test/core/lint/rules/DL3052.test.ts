import rule from '../../../../src/core/lint/rules/DL3052';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.source': 'url' as const, docs: 'url' as const } } };

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'default settings', code: rule.meta.examples.bad },
    { code: 'FROM alpine:3.20\nLABEL docs=https://example.com/a%20b?x=1#top\n', options },
    { code: 'FROM alpine:3.20\nLABEL docs="mailto:ops@example.com" org.opencontainers.image.source=git+ssh://git@github.com/acme/app.git\n', options },
    { name: 'a label of another type', code: 'FROM alpine:3.20\nLABEL other=not-a-url\n', options },
    { name: 'known at build time only', code: 'FROM alpine:3.20\nARG REPO\nLABEL docs=$REPO\n', options },
    { name: 'empty is DL3051', code: 'FROM alpine:3.20\nLABEL docs=""\n', options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 39, endColumn: 60, message: /^Label `org\.opencontainers\.image\.source` is not a valid URL: `github\.com\/acme\/app`: it has no scheme/ }] },
    { name: 'spaces', code: 'FROM alpine:3.20\nLABEL docs="https://example.com/my docs"\n', options, errors: [{ line: 2, message: /characters a URL cannot/ }] },
    { name: 'a path', code: 'FROM alpine:3.20\nLABEL docs=/usr/share/doc\n', options, errors: [{ line: 2, column: 12 }] },
    { name: 'in ONBUILD', code: 'FROM alpine:3.20\nONBUILD LABEL docs=example.com\n', options, errors: [{ line: 2 }] },
  ],
});
