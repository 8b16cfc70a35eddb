import rule from '../../../../src/core/lint/rules/DL3041';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM fedora:40\nRUN microdnf install -y tomcat-9.0.1 && microdnf clean all\n',
    'FROM fedora:40\nRUN notdnf install tomcat\n',
    'FROM fedora:40\nRUN dnf install -y rpm-sign-4.16.1.3 gcc-c++-1.1.1 openssl-1:1.1.1k\n',
    'FROM fedora:40\nRUN dnf module install -y tomcat:9 && dnf clean all\n',
    { name: 'versions from an ENV and an ARG of the stage pin (as hadolint main)', code: 'FROM fedora:40\nENV GIT_VER=2.51.0-2.fc42\nARG VERSION\nRUN dnf install -y "git-core-${GIT_VER}" tomcat-$VERSION\n' },
    { name: 'a version from an ENV of the stage built FROM pins (as hadolint main)', code: 'FROM fedora:40 AS build\nENV version=2.51.0\nFROM build\nRUN dnf -y install git-core-${version}\n' },
    { name: 'in ONBUILD, an ENV of the stage before the ONBUILD pins', code: 'FROM fedora:40\nENV V=2.51.0\nONBUILD RUN dnf -y install git-core-${V}\n' },
    { name: 'a word that is only a variable may be a list and is not judged (hadolint main reports it)', code: 'FROM fedora:40\nRUN dnf install -y $PACKAGES\n' },
    { name: 'dnf in is install (alias), pinned', code: 'FROM fedora:40\nRUN dnf -y in tomcat-9.0.1\n' },
    { name: 'dnf upgrade names no version to pin', code: 'FROM fedora:40\nRUN dnf -y upgrade curl && dnf clean all\n' },
    { name: 'groups are not packages', code: 'FROM fedora:40\nRUN dnf group install -y "Development Tools" && dnf install -y @core\n' },
    { name: 'option values are not packages', code: 'FROM fedora:40\nRUN dnf --setopt=tsflags=nodocs --repo fedora install -y jq-1.7.1\n' },
    'FROM fedora:40\nONBUILD RUN dnf install -y tomcat-9.0.1 && dnf clean all\n',
  ],
  invalid: [
    { name: 'after options whose values are written apart, the packages are still found', code: 'FROM fedora:40\nRUN dnf -y --repofrompath r,/x --disableexcludes all --from-repo fedora install jq\n', errors: [{ line: 2, column: 81 }] },
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 20, endColumn: 25, message: 'Specify version with dnf install: instead of `httpd` use `httpd-<version>`' }],
    },
    { name: 'microdnf', code: 'FROM fedora:40\nRUN microdnf install -y tomcat && microdnf clean all\n', errors: [{ line: 2, column: 25, message: /microdnf install/ }] },
    { name: 'a dash in the name is not a version', code: 'FROM fedora:40\nRUN dnf install -y rpm-sign && dnf clean all\n', errors: [{ line: 2, column: 20 }] },
    { name: 'a version from a variable set nowhere does not pin (as hadolint main)', code: 'FROM fedora:40\nRUN dnf -y install git-core-${version}\n', errors: [{ line: 2, column: 20 }] },
    { name: 'an ENV of an unrelated earlier stage is not in scope (as hadolint main)', code: 'FROM fedora:40 AS build\nENV version=2.51.0\nFROM fedora:40\nRUN dnf -y install git-core-${version}\n', errors: [{ line: 4, column: 20 }] },
    {
      name: 'an ARG of an unrelated earlier stage is not in scope (hadolint main counts ARGs of every stage)',
      code: 'FROM fedora:40 AS build\nARG version=2.51.0\nFROM fedora:40\nRUN dnf -y install git-core-${version}\n',
      errors: [{ line: 4, column: 20 }],
    },
    { name: 'dnf in, the alias of install, with -y before it (hadolint main checks only install)', code: 'FROM fedora:40\nRUN dnf -y in tomcat && microdnf --assumeyes in jq\n', errors: [{ line: 2, column: 15, message: /dnf install/ }, { line: 2, column: 49, message: /microdnf install/ }] },
    { name: 'modules need a stream', code: 'FROM fedora:40\nONBUILD RUN dnf module install -y tomcat && dnf clean all\n', errors: [{ line: 2, column: 35, message: /tomcat:<stream>/ }] },
    { name: 'several packages in a heredoc', code: 'FROM fedora:40\nRUN <<EOF\ndnf install -y jq-1.7 \\\n  curl git\nEOF\n', errors: [{ line: 4, column: 3 }, { line: 4, column: 8 }] },
  ],
});
