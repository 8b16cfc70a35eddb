import rule from '../../../../src/core/lint/rules/DL3041';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM fedora:40\nRUN microdnf install -y tomcat-9.0.1 && microdnf clean all\n',
    'FROM fedora:40\nRUN notdnf install tomcat\n',
    'FROM fedora:40\nRUN dnf install -y rpm-sign-4.16.1.3 gcc-c++-1.1.1 openssl-1:1.1.1k\n',
    'FROM fedora:40\nRUN dnf module install -y tomcat:9 && dnf clean all\n',
    { name: 'versions from variables cannot be judged', code: 'FROM fedora:40\nRUN dnf install -y "git-core-${GIT_VER}" tomcat-$VERSION\n' },
    { name: 'groups are not packages', code: 'FROM fedora:40\nRUN dnf group install -y "Development Tools" && dnf install -y @core\n' },
    { name: 'option values are not packages', code: 'FROM fedora:40\nRUN dnf --setopt=tsflags=nodocs --repo fedora install -y jq-1.7.1\n' },
    'FROM fedora:40\nONBUILD RUN dnf install -y tomcat-9.0.1 && dnf clean all\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 20, endColumn: 25, message: 'Specify version with dnf install: instead of `httpd` use `httpd-<version>`' }],
    },
    { name: 'microdnf', code: 'FROM fedora:40\nRUN microdnf install -y tomcat && microdnf clean all\n', errors: [{ line: 2, column: 25, message: /microdnf install/ }] },
    { name: 'a dash in the name is not a version', code: 'FROM fedora:40\nRUN dnf install -y rpm-sign && dnf clean all\n', errors: [{ line: 2, column: 20 }] },
    { name: 'modules need a stream', code: 'FROM fedora:40\nONBUILD RUN dnf module install -y tomcat && dnf clean all\n', errors: [{ line: 2, column: 35, message: /tomcat:<stream>/ }] },
    { name: 'several packages in a heredoc', code: 'FROM fedora:40\nRUN <<EOF\ndnf install -y jq-1.7 \\\n  curl git\nEOF\n', errors: [{ line: 4, column: 3 }, { line: 4, column: 8 }] },
  ],
});
