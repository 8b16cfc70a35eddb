import rule from '../../../../src/core/lint/rules/DL3020';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nADD file.tar /usr/src/app/\n',
    'FROM debian:12\nADD file.gz file.bz2 file.xz file.tgz /usr/src/app/\n',
    'FROM debian:12\nADD http://file.com /usr/src/app/\n',
    'FROM debian:12\nADD "file.tgz" /usr/src/app/\n',
    'FROM debian:12\nADD "http://file.com" /usr/src/app/\n',
    'FROM debian:12\nADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.14.1 /src\n',
    'FROM debian:12\nADD ["https://example.com/a b.txt", "/dest/"]\n',
    { name: 'a git repository over ssh (Shipshape keeps this; hadolint main only knows http and https, yet COPY cannot fetch a repository)', code: 'FROM debian:12\nADD git@github.com:moby/buildkit.git /src\n' },
    { name: 'a variable may be a URL', code: 'FROM debian:12\nARG URL\nADD ${URL} /tmp/\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 1, endColumn: 4, message: /^Use COPY instead of ADD for files and folders: `nginx.conf` is a local file or folder/ }],
      output: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
    },
    {
      name: 'zip is not extracted',
      code: 'FROM debian:12\nADD file.zip /usr/src/app/\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\nCOPY file.zip /usr/src/app/\n',
    },
    { name: 'quoted', code: 'FROM debian:12\nADD "file.zip" /usr/src/app/\n', errors: [{ line: 2 }] },
    {
      name: 'lower-case keyword and flags kept',
      code: 'FROM debian:12\nadd --chown=app:app src /app\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\ncopy --chown=app:app src /app\n',
    },
    { name: 'exec form', code: 'FROM debian:12\nADD ["src", "/app/"]\n', errors: [{ line: 2 }], output: 'FROM debian:12\nCOPY ["src", "/app/"]\n' },
    { name: 'mixed with an archive gets no fix', code: 'FROM debian:12\nADD app.tar config /app/\n', errors: [{ line: 2, message: /`config`/ }], noFix: true },
    { name: 'in ONBUILD', code: 'FROM debian:12\nONBUILD ADD . /app\n', errors: [{ line: 2, column: 9 }], output: 'FROM debian:12\nONBUILD COPY . /app\n' },
  ],
});
