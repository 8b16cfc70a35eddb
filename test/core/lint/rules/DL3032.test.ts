import rule from '../../../../src/core/lint/rules/DL3032';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all\n',
    'FROM centos:7\nRUN bash -c `# not even a yum command`\n',
    { name: 'removing the cache directory counts as cleaning', code: 'FROM centos:7\nRUN yum -y install httpd-2.4.6 && rm -rf /var/cache/yum/*\n' },
    { name: 'a cache mount keeps the cache out of the layer', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6\n' },
    { name: 'clean on a continuation line', code: 'FROM centos:7\nRUN yum install -y \\\n      httpd-2.4.6 \\\n # comment\n && yum clean all\n' },
    'FROM centos:7\nRUN yum update -y\n',
    'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
    'FROM centos:7\nONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n',
  ],
  invalid: [
    { name: 'rm -rf of another folder is not a clean (hadolint main counts any rm -rf)', code: 'FROM centos:7\nRUN yum install -y a-1 && rm -rf /tmp/build\n', errors: [{ line: 2, column: 5 }] },
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 16, message: /^`yum clean all` missing after yum install/ }],
      output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    { name: 'in ONBUILD RUN', code: 'FROM centos:7\nONBUILD RUN yum install -y mariadb-10.4\n', errors: [{ line: 2, column: 13 }], output: 'FROM centos:7\nONBUILD RUN yum install -y mariadb-10.4 && yum clean all\n' },
    {
      name: 'a clean before the install does not count; the fix goes after the last install',
      code: 'FROM centos:7\nRUN yum clean all && yum -y install a-1 && \\\n    yum -y install b-2\n',
      errors: [{ line: 2, column: 22, endColumn: 36 }],
      output: 'FROM centos:7\nRUN yum clean all && yum -y install a-1 && \\\n    yum -y install b-2 && yum clean all\n',
    },
    {
      name: 'an install piped into another command gets the clean after the pipeline',
      code: 'FROM centos:7\nRUN yum install -y a-1 | tee /tmp/log\n',
      errors: [{ line: 2 }],
      output: 'FROM centos:7\nRUN yum install -y a-1 | tee /tmp/log && yum clean all\n',
    },
    { name: 'yum module install', code: 'FROM centos:8\nRUN yum module install -y nodejs:18\n', errors: [{ line: 2, column: 5, endColumn: 23 }] },
    { name: 'a mount elsewhere does not count', code: 'FROM centos:7\nRUN --mount=type=cache,target=/root/.cache yum install -y a-1\n', errors: [{ line: 2 }] },
    { name: 'in a heredoc', code: 'FROM centos:7\nRUN <<EOF\nyum install -y a-1\nEOF\n', errors: [{ line: 3, column: 1 }], output: 'FROM centos:7\nRUN <<EOF\nyum install -y a-1 && yum clean all\nEOF\n' },
  ],
});
