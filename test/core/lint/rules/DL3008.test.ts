import rule from '../../../../src/core/lint/rules/DL3008';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y python=2.7\n',
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN apt-get install -y ./local.deb\n',
    'FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confnew foo=1.0\n',
    'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    'FROM debian:12\nRUN apt-get install -y $PACKAGES\n',
    { name: 'a target release, name/release, pins (as hadolint main)', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl/bookworm-backports\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y python\n',
      errors: [{ line: 2, column: 24, endColumn: 30, message: 'Pin versions in apt-get install: instead of `python` use `python=<version>`' }],
    },
    {
      name: 'positions map through line continuations and a comment line inside them',
      code: 'FROM debian:12\nRUN apt-get update && \\\n# the tools\n    apt-get install -y \\\n      curl=7.* \\\n      wget\n',
      errors: [{ line: 6, column: 7, endColumn: 11 }],
    },
    { code: 'FROM debian:12\nRUN apt-get -q install -y curl wget=1.2\n', errors: [{ line: 2, column: 27 }] },
    { name: 'inside a heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y jq\nEOF\n', errors: [{ line: 4, column: 20 }] },
    { name: 'in ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN apt-get install -y jq\n', errors: [{ line: 2, column: 32 }] },
    { name: 'with a non-ASCII character before the package', code: 'FROM debian:12\nRUN echo "é😀" && apt-get install -y jq\n', errors: [{ line: 2, column: 38 }] },
  ],
});
