import rule from '../../../../src/core/lint/rules/DL3050';
import { ruleTester } from '../rule-tester';

const options = { config: { labelSchema: { 'org.opencontainers.image.source': 'url' as const }, strictLabels: true } };
const lax = { config: { labelSchema: { 'org.opencontainers.image.source': 'url' as const } } };

ruleTester(rule, {
  valid: [
    { code: rule.meta.examples.good, options },
    { name: 'strict-labels off', code: rule.meta.examples.bad, options: lax },
    { name: 'default settings', code: rule.meta.examples.bad },
    { name: 'not a LABEL', code: 'FROM alpine:3.20\nENV team=core\n', options },
  ],
  invalid: [
    { code: rule.meta.examples.bad, options, errors: [{ line: 2, column: 69, endColumn: 73, message: /^Superfluous label `team`/ }] },
    {
      name: 'one finding per superfluous label, across continuation lines',
      code: 'FROM alpine:3.20\nLABEL a=1 \\\n  org.opencontainers.image.source=https://x.org \\\n  b=2\n',
      options,
      errors: [{ line: 2, column: 7 }, { line: 4, column: 3, message: /`b`/ }],
    },
    { name: 'quoted key', code: 'FROM alpine:3.20\nLABEL "com.example.x"="1"\n', options, errors: [{ line: 2, message: /`com\.example\.x`/ }] },
    { name: 'in ONBUILD', code: 'FROM alpine:3.20\nONBUILD LABEL team=core\n', options, errors: [{ line: 2, column: 15 }] },
    { name: 'strict with an empty schema: every label is superfluous', code: 'FROM alpine:3.20\nLABEL x=1\n', options: { config: { strictLabels: true } }, errors: [{ line: 2 }] },
  ],
});
