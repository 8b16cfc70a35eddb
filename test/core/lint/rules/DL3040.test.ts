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
    { name: 'every install form followed by a clean (as hadolint main)', code: 'FROM fedora:40\nRUN dnf -y in a-1 && dnf -y up && dnf -y upgrade-minimal && dnf -y up-min && dnf -y rei b-1 && dnf clean all\n' },
    { name: 'a tmpfs mount over the dnf 5 cache (as hadolint main)', code: 'FROM fedora:40\nRUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf in -y mariadb-10.4\n' },
    { name: 'a cache mount over the dnf 4 cache (hadolint main knows only the dnf 5 one)', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y mariadb-10.4\n' },
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
    {
      name: 'upgrade, reinstall and the aliases of install download packages too (as hadolint main)',
      code: 'FROM fedora:40\nRUN dnf -y upgrade\nRUN dnf -y up\nRUN dnf -y upgrade-minimal\nRUN dnf -y up-min\nRUN dnf -y reinstall a-1\nRUN dnf -y rei a-1\nRUN dnf -y in a-1\n',
      errors: [
        { line: 2, column: 5, endColumn: 19, message: /^`dnf clean all` missing after dnf upgrade:/ },
        { line: 3, endColumn: 14 },
        { line: 4 },
        { line: 5 },
        { line: 6 },
        { line: 7 },
        { line: 8, message: /after dnf in:/ },
      ],
    },
    { name: 'clean before an alias of install (as hadolint main)', code: 'FROM fedora:40\nRUN rm -rf /var/cache/libdnf5 && microdnf in -y mariadb-10.4\n', errors: [{ line: 2, column: 34 }] },
    { name: 'clean before install', code: 'FROM fedora:40\nRUN dnf clean all && dnf install -y a-1\n', errors: [{ line: 2, column: 22 }], output: 'FROM fedora:40\nRUN dnf clean all && dnf install -y a-1 && dnf clean all\n' },
  ],
});
