import rule from '../../../../src/core/lint/rules/DL3037';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat\\>=9.0 && zypper clean\n',
    "FROM opensuse/leap:15.6\nRUN zypper install -y 'tomcat>9.0' \"tomcat<=9.0\" tomcat\\<9.0 && zypper clean\n",
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean\n',
    { name: 'patterns are not versioned (hadolint main asks a version of them)', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y -t pattern devel_basis\n' },
    { name: 'repository option values are not packages', code: 'FROM opensuse/leap:15.6\nRUN zypper --root /mnt in --from oss -y jq=1.6\n' },
    'FROM opensuse/leap:15.6\nRUN zypper install -y $PACKAGES\n',
    'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y tomcat=9.0.39 && zypper clean\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 23, endColumn: 28, message: 'Specify version with zypper install: instead of `httpd` use `httpd=<version>`' }],
    },
    { name: 'in ONBUILD RUN', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y tomcat && zypper clean\n', errors: [{ line: 2, column: 31 }] },
    { name: 'the in alias, global -n', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.0 wget\n', errors: [{ line: 2, column: 27 }] },
    { name: '-t package is still packages', code: 'FROM opensuse/leap:15.6\nRUN zypper in -y --type package \\\n  vim\n', errors: [{ line: 3, column: 3 }] },
  ],
});
