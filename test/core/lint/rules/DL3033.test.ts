import rule from '../../../../src/core/lint/rules/DL3033';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM centos:7\nRUN bash -c `# not even a yum command`\n',
    'FROM centos:7\nRUN yum install -y openssl-1:1.1.1k\n',
    'FROM centos:7\nRUN yum install -y rpm-sign-4.16.1.3 gcc-c++-1.1.1\n',
    'FROM centos:8\nRUN yum module install -y tomcat:9 && yum clean all\n',
    { name: 'a version from an ENV of the stage pins (as hadolint main)', code: 'FROM centos:7\nENV GIT_VER=2.51.0-2\nRUN yum -y install "git-core-${GIT_VER}"\n' },
    { name: 'a version from an ARG of the stage pins, unbraced (as hadolint main)', code: 'FROM centos:7\nARG VERSION=9.2\nRUN yum -y install tomcat-$VERSION\n' },
    { name: 'a version from an ENV of the stage built FROM pins (as hadolint main)', code: 'FROM centos:7 AS base\nENV V=9.2\nFROM base\nRUN yum -y install tomcat-${V}\n' },
    { name: 'a word that is only a variable may be a list and is not judged (hadolint main reports it)', code: 'FROM centos:7\nRUN yum install -y $PKGS "${MORE}" && yum clean all\n' },
    { name: 'a name from a command substitution cannot be judged', code: 'FROM centos:7\nRUN yum install -y "tomcat-$(cat /version)"\n' },
    { name: 'rpm files and groups', code: 'FROM centos:7\nRUN yum install -y https://example.com/epel-release-latest-7.noarch.rpm ./local.rpm @core\n' },
    { name: 'a group install names groups (hadolint main reads the word group as a package)', code: 'FROM centos:7\nRUN yum group install -y "Development Tools"\n' },
    { name: 'a repository option value is not a package', code: 'FROM centos:7\nRUN yum --enablerepo epel install -y jq-1.6\n' },
    'FROM centos:7\nONBUILD RUN yum install -y tomcat-9.2 && yum clean all\n',
  ],
  invalid: [
    { name: 'after options whose values are written apart, the packages are still found', code: 'FROM centos:7\nRUN yum -y --downloaddir /d --disableplugin fastestmirror install jq\n', errors: [{ line: 2, column: 67 }] },
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 20, endColumn: 25, message: 'Specify version with yum install: instead of `httpd` use `httpd-<version>`' }],
    },
    { name: 'in ONBUILD RUN', code: 'FROM centos:7\nONBUILD RUN yum install -y tomcat && yum clean all\n', errors: [{ line: 2, column: 28 }] },
    { name: 'a dash in the name is not a version (as hadolint DL3041)', code: 'FROM centos:7\nRUN yum install -y rpm-sign epel-release\n', errors: [{ line: 2, column: 20 }, { line: 2, column: 29 }] },
    {
      name: 'modules need a stream',
      code: 'FROM centos:8\nRUN yum module install -y tomcat && yum clean all\n',
      errors: [{ line: 2, column: 27, message: 'Specify the module stream in yum module install: instead of `tomcat` use `tomcat:<stream>`' }],
    },
    { name: 'a version from a variable set nowhere does not pin (as hadolint main)', code: 'FROM centos:7\nRUN yum -y install git-core-${GIT_VER}\n', errors: [{ line: 2, column: 20, message: /instead of `git-core-\$\{GIT_VER\}`/ }] },
    { name: 'an ENV of an unrelated earlier stage is not in scope (as hadolint main)', code: 'FROM centos:7 AS build\nENV V=2.51\nFROM centos:7\nRUN yum -y install git-core-${V}\n', errors: [{ line: 4, column: 20 }] },
    {
      name: 'an ARG of an unrelated earlier stage is not in scope (hadolint main counts ARGs of every stage)',
      code: 'FROM centos:7 AS build\nARG V=2.51\nFROM centos:7\nRUN yum -y install git-core-${V}\n',
      errors: [{ line: 4, column: 20 }],
    },
    { name: 'an ENV set after the RUN does not pin it', code: 'FROM centos:7\nRUN yum -y install git-core-${V}\nENV V=2.51\n', errors: [{ line: 2, column: 20 }] },
    { name: 'on a continuation line, quoted', code: 'FROM centos:7\nRUN yum -y install \\\n    "jq"\n', errors: [{ line: 3, column: 5, endColumn: 9 }] },
  ],
});
