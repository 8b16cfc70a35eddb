import rule from '../../../../src/core/lint/rules/DL3035';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM opensuse/leap:15.6\nRUN zypper update -y\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y dup=1.0\n',
    'FROM opensuse/leap:15.6\nRUN echo zypper dup\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 12, endColumn: 24, message: /^Do not use `zypper dist-upgrade`/ }] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n', errors: [{ line: 2, column: 15, message: /`zypper dup`/ }] },
    { name: 'in ONBUILD RUN', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper dist-upgrade\n', errors: [{ line: 2, column: 20 }] },
    { name: 'after a continuation', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && \\\n    zypper --non-interactive dup\n', errors: [{ line: 3, column: 30 }] },
  ],
});
