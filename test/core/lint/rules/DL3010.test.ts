import rule from '../../../../src/core/lint/rules/DL3010';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nCOPY packaged-app.tar /usr/src/app\n',
    'FROM debian:12\nCOPY package.json /usr/src/app\nRUN tar -xf package.json\n',
    { name: 'copied from another stage', code: 'FROM debian:12\nCOPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar\n' },
    { name: 'a new stage forgets the copy', code: 'FROM debian:12\nCOPY app.tar /tmp/\nFROM debian:12\nRUN tar -xf /tmp/app.tar\n' },
    { name: 'listing is not extracting', code: 'FROM debian:12\nCOPY app.tar /tmp/\nRUN tar -tf /tmp/app.tar\n' },
    { name: 'a copied archive never extracted before the next stage', code: 'FROM debian:12\nCOPY app.tar /usr/src/app\nFROM debian:12 AS next\n' },
    { name: 'ADD is not this rule', code: 'FROM mcr.microsoft.com/windows\nADD app.tar.gz C:\\app\\\nRUN tar -xf C:\\app\\app.tar.gz\n' },
    { name: '--exclude is not an extract flag', code: 'FROM debian:12\nCOPY a.tar /a/\nRUN tar --exclude=x -cf b.tar /a/a.tar\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 6, endColumn: 16, message: /`app.tar.gz` is copied here and extracted on line 3/ }] },
    {
      code: 'FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'extracted under the destination name',
      code: 'FROM debian:12\nCOPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'old-style tar and gunzip (Shipshape reads `tar xf`; hadolint main only flags starting with a dash)',
      code: 'FROM debian:12\nCOPY a.tar b.gz /tmp/\nRUN tar xf /tmp/a.tar && gunzip /tmp/b.gz\n',
      errors: [{ line: 2, column: 6 }, { line: 2, column: 12 }],
    },
    {
      name: 'a Windows source path and a quoted destination folder with a blank, as hadolint main',
      code: 'FROM mcr.microsoft.com/windows\nCOPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"\n',
      errors: [{ line: 2, message: /`bar.tar.gz` is copied here and extracted on line 3/ }],
    },
    {
      name: 'a quoted Windows destination named as an archive, as hadolint main',
      code: 'FROM mcr.microsoft.com/windows\nCOPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n',
      errors: [{ line: 2, message: /`foo.tar.gz` is copied here/ }],
    },
    {
      name: 'a destination named as an archive, as hadolint main',
      code: 'FROM debian:12\nCOPY x /opt/x.tar.gz\nRUN tar -xzf /opt/x.tar.gz\n',
      errors: [{ line: 2, column: 6, message: /`x.tar.gz` is copied here/ }],
    },
    {
      name: 'exec-form COPY, as hadolint main',
      code: 'FROM debian:12\nCOPY ["a.tar", "/a/"]\nRUN tar -xf /a/a.tar\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'extraction after a continuation',
      code: 'FROM debian:12\nCOPY dist.tgz /tmp/\nRUN mkdir /app \\\n && tar --extract -f /tmp/dist.tgz -C /app\n',
      errors: [{ line: 2 }],
    },
  ],
});
