import rule from '../../../../src/core/lint/rules/DL3040';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM fedora:40\nRUN microdnf install -y mariadb-10.4 && microdnf clean all\n',
    'FROM fedora:40\nRUN notdnf install mariadb\n',
    'FROM fedora:40\nRUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'FROM fedora:40\nRUN dnf install -y mariadb-10.4 && rm -rf /var/cache/dnf\n',
    { name: 'a cache mount keeps the cache out of the layer', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4\n' },
    'FROM fedora:40\nONBUILD RUN dnf install -y mariadb-10.4 && dnf clean all\n',
    { name: 'rm of an unrelated directory is not a clean, but dnf clean is', code: 'FROM fedora:40\nRUN dnf -y install a-1 && rm -rf /tmp/x && dnf clean all\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 16, message: /^`dnf clean all` missing after dnf install/ }],
      output: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    {
      name: 'microdnf needs its own clean',
      code: 'FROM fedora:40\nRUN microdnf install -y mariadb-10.4\n',
      errors: [{ line: 2, message: /^`microdnf clean all` missing/ }],
      output: 'FROM fedora:40\nRUN microdnf install -y mariadb-10.4 && microdnf clean all\n',
    },
    { name: 'in ONBUILD RUN, a microdnf clean does not clean for dnf', code: 'FROM fedora:40\nONBUILD RUN dnf install -y mariadb-10.4 && microdnf clean all\n', errors: [{ line: 2, column: 13 }] },
    { name: 'rm of an unrelated directory is not a clean', code: 'FROM fedora:40\nRUN dnf install -y a-1 && rm -rf /tmp/x\n', errors: [{ line: 2 }] },
    { name: 'clean before install', code: 'FROM fedora:40\nRUN dnf clean all && dnf install -y a-1\n', errors: [{ line: 2, column: 22 }], output: 'FROM fedora:40\nRUN dnf clean all && dnf install -y a-1 && dnf clean all\n' },
  ],
});
