import rule from '../../../../src/core/lint/rules/DL3038';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM fedora:40\nRUN notdnf install httpd\n',
    'FROM fedora:40\nRUN dnf -y install httpd-2.4.62\n',
    'FROM fedora:40\nRUN dnf install --assumeyes httpd-2.4.62\n',
    'FROM fedora:40\nRUN microdnf install -qy httpd-2.4.62\n',
    'FROM fedora:40\nRUN dnf update\n',
    { name: '-y before an alias of install', code: 'FROM fedora:40\nRUN dnf -y in httpd-2.4.62 && microdnf -y rei jq && dnf --assumeyes up-min\n' },
    { name: 'the quiet and -y clustered before upgrade', code: 'FROM fedora:40\nRUN dnf -qy upgrade && dnf clean all\n' },
    'FROM fedora:40\nONBUILD RUN dnf install -y httpd-2.4.24 && dnf clean all\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 16, message: 'Use the -y switch to avoid manual input: `dnf install -y …`' }],
      output: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    {
      name: 'aliases and upgrades ask too (hadolint main checks only install, groupinstall and localinstall here, and all of them for DL3040)',
      code: 'FROM fedora:40\nRUN dnf in httpd-2.4.62 && dnf upgrade && microdnf reinstall jq\n',
      errors: [
        { line: 2, column: 5, endColumn: 11, message: /`dnf in -y …`/ },
        { line: 2, column: 28, message: /`dnf upgrade -y …`/ },
        { line: 2, column: 43, message: /`microdnf reinstall -y …`/ },
      ],
      output: 'FROM fedora:40\nRUN dnf in -y httpd-2.4.62 && dnf upgrade -y && microdnf reinstall -y jq\n',
    },
    { name: 'a valued option before the subcommand is not the subcommand', code: 'FROM fedora:40\nRUN dnf --setopt install_weak_deps=False in httpd-2.4.62\n', errors: [{ line: 2, column: 5, message: /`dnf in -y …`/ }] },
    { name: 'in ONBUILD RUN', code: 'FROM fedora:40\nONBUILD RUN dnf install httpd-2.4.24 && dnf clean all\n', errors: [{ line: 2, column: 13 }] },
    {
      name: 'groupinstall, module install and microdnf',
      code: 'FROM fedora:40\nRUN dnf groupinstall "Dev Tools" && dnf module install nodejs:20 && microdnf install jq-1.7\n',
      errors: [{ line: 2, column: 5, message: /`dnf groupinstall -y …`/ }, { line: 2, column: 37, message: /`dnf module install -y …`/ }, { line: 2, column: 69 }],
      output: 'FROM fedora:40\nRUN dnf groupinstall -y "Dev Tools" && dnf module install -y nodejs:20 && microdnf install -y jq-1.7\n',
    },
  ],
});
