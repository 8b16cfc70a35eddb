import rule from '../../../../src/core/lint/rules/DL3033';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM centos:7\nRUN bash -c `# not even a yum command`\n',
    'FROM centos:7\nRUN yum install -y openssl-1:1.1.1k\n',
    'FROM centos:7\nRUN yum install -y rpm-sign-4.16.1.3 gcc-c++-1.1.1\n',
    'FROM centos:8\nRUN yum module install -y tomcat:9 && yum clean all\n',
    { name: 'versions from variables cannot be judged', code: 'FROM centos:7\nRUN yum install -y "git-core-${GIT_VER}" tomcat-$VERSION $PKGS && yum clean all\n' },
    { name: 'rpm files and groups', code: 'FROM centos:7\nRUN yum install -y https://example.com/epel-release-latest-7.noarch.rpm ./local.rpm @core\n' },
    { name: 'a repository option value is not a package', code: 'FROM centos:7\nRUN yum --enablerepo epel install -y jq-1.6\n' },
    'FROM centos:7\nONBUILD RUN yum install -y tomcat-9.2 && yum clean all\n',
  ],
  invalid: [
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
    { name: 'on a continuation line, quoted', code: 'FROM centos:7\nRUN yum -y install \\\n    "jq"\n', errors: [{ line: 3, column: 5, endColumn: 9 }] },
  ],
});
