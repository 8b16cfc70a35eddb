import rule from '../../../../src/core/lint/rules/DL3030';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM centos:7\nRUN yum -y install httpd-2.4.6\n',
    'FROM centos:7\nRUN yum install --assumeyes httpd-2.4.6\n',
    'FROM centos:7\nRUN yum clean all\n',
    'FROM centos:7\nRUN yum -q -y groupinstall "Development Tools"\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 9, endColumn: 16, message: /`yum install -y <package>`/ }],
      output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    {
      code: 'FROM centos:7\nRUN yum groupinstall "Development Tools"\n',
      errors: [{ line: 2 }],
      output: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n',
    },
    { code: 'FROM centos:7\nRUN yum --enablerepo=epel localinstall /tmp/x.rpm\n', errors: [{ line: 2, column: 27 }] },
    {
      name: 'module and group installs ask too (as hadolint main)',
      code: 'FROM centos:8\nRUN yum module install nodejs:18 && yum group install "Development Tools"\n',
      errors: [{ line: 2, column: 16, message: /`yum module install -y <package>`/ }, { line: 2, column: 47, message: /`yum group install -y <package>`/ }],
      output: 'FROM centos:8\nRUN yum module install -y nodejs:18 && yum group install -y "Development Tools"\n',
    },
    { name: 'over a continuation', code: 'FROM centos:7\nRUN yum makecache && \\\n    yum install x-1.0\n', errors: [{ line: 3, column: 9 }] },
    { name: 'in ONBUILD RUN', code: 'FROM centos:7\nONBUILD RUN yum install x-1.0\n', errors: [{ line: 2, column: 17 }] },
  ],
});
