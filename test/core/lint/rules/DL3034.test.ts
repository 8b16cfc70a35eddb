import rule from '../../../../src/core/lint/rules/DL3034';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM opensuse/leap:15.6\nRUN zypper install -n httpd=2.4.24 && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper install --non-interactive httpd=2.4.24 && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper install --no-confirm httpd=2.4.24 && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive remove vim\n',
    'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper search vim\n',
    'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n install httpd=2.4.24\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 19, message: 'Non-interactive switch missing from `zypper install`: use `zypper --non-interactive install` (or `zypper install -y`)' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd=2.4.58 && zypper clean\n',
    },
    { name: 'in ONBUILD RUN', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install httpd=2.4.24\n', errors: [{ line: 2, column: 13 }] },
    {
      name: 'aliases and other asking subcommands',
      code: 'FROM opensuse/leap:15.6\nRUN zypper in a=1 && zypper rm b && zypper patch\n',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 22 }, { line: 2, column: 37 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in a=1 && zypper --non-interactive rm b && zypper --non-interactive patch\n',
    },
  ],
});
