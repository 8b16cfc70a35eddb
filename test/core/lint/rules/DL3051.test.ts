import rule from '../../../../src/core/lint/rules/DL3051';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.version': 'semver' as const, maintainer: 'text' as const } } };

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'default settings', code: rule.meta.examples.bad },
    { name: 'a label outside the schema may be empty', code: 'FROM alpine:3.20\nLABEL other=""\n', options },
    { name: 'a blank is not empty', code: 'FROM alpine:3.20\nLABEL maintainer=" "\n', options },
    { name: 'a variable', code: 'FROM alpine:3.20\nARG V\nLABEL org.opencontainers.image.version=$V\n', options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 7, message: 'Label `org.opencontainers.image.version` is empty: give it a value' }] },
    { name: 'nothing after =', code: 'FROM alpine:3.20\nLABEL maintainer= other=x\n', options, errors: [{ line: 2, column: 7, message: /`maintainer`/ }] },
    { name: "single quotes", code: "FROM alpine:3.20\nLABEL maintainer=''\n", options, errors: [{ line: 2 }] },
    { name: 'in ONBUILD', code: 'FROM alpine:3.20\nONBUILD LABEL maintainer=""\n', options, errors: [{ line: 2, column: 15 }] },
  ],
});
