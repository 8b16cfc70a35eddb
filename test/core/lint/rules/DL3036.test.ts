import rule from '../../../../src/core/lint/rules/DL3036';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4 && zypper cc\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in mariadb=10.4 && zypper clean -a\n',
    'FROM opensuse/leap:15.6\nRUN zypper in -y a=1 && rm -rf /var/cache/zypp/*\n',
    'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper in -y a=1\n',
    'FROM opensuse/leap:15.6\nRUN zypper refresh\n',
    'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y mariadb=10.4 && zypper clean\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 19, message: /^`zypper clean` missing/ }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
    },
    { name: 'in ONBUILD RUN', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y mariadb=10.4\n', errors: [{ line: 2, column: 13 }] },
    {
      name: 'global options before the subcommand, across continuations',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive \\\n    in a=1 b=2\n',
      errors: [{ line: 2, column: 5, endLine: 3, endColumn: 7 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive \\\n    in a=1 b=2 && zypper clean\n',
    },
  ],
});
