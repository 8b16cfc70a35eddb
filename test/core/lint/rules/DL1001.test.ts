import rule from '../../../../src/core/lint/rules/DL1001';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\n# hadolint shell=powershell\nRUN foo bar\n',
    'FROM debian:12\n# foobar\nRUN foo bar\n',
    { name: 'a global ignore is not inline', code: '# hadolint global ignore=DL3008\nFROM debian:12\nRUN foo bar\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 1, message: 'Please refrain from using inline ignore pragmas: `# hadolint ignore=DL3008`; ignore rules in the configuration instead' }],
      output: 'FROM debian:12\nRUN apt-get install -y curl\n',
    },
    { code: 'FROM debian:12\n#hadolint ignore=DL3003,DL3008\nRUN foo bar\n', errors: [{ line: 2 }], output: 'FROM debian:12\nRUN foo bar\n' },
    { name: 'indented, several', code: 'FROM debian:12\n  # hadolint ignore=DL3059\nRUN a\n# hadolint ignore=DL3059\nRUN b\n', errors: [{ line: 2, column: 3 }, { line: 4 }] },
  ],
});
