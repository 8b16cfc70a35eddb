import rule from '../../../../src/core/lint/rules/DL3009';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'a build stage nobody builds on', code: 'FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install python\nFROM scratch\nRUN echo hey\n' },
    {
      name: 'cache mount on the lists directory',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install -y python\n',
    },
    {
      name: 'cache mounts on both apt directories',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt \\\n    --mount=type=cache,target=/var/cache/apt \\\n    apt-get update\n',
    },
    'FROM debian:12\nRUN apt-get install -y python\n',
    { name: 'a tmpfs mount on the lists directory (as hadolint main)', code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update\n' },
    { name: 'tmpfs mounts on both apt directories (as hadolint main)', code: 'FROM debian:12\nRUN \\\n  --mount=type=tmpfs,target=/var/cache/apt \\\n  --mount=type=tmpfs,target=/var/lib/apt \\\n  apt-get update\n' },
    { name: 'a tmpfs and a cache mount on the apt directories, either way round (as hadolint main)', code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update\nRUN --mount=type=cache,target=/var/cache/apt/ --mount=type=tmpfs,target=/var/lib/apt/ apt-get update\n' },
    { name: 'aptitude update with the lists deleted', code: 'FROM debian:12\nRUN aptitude update && aptitude install -y python && rm -rf /var/lib/apt/lists/*\n' },
    'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y python \\\n && rm -rf /var/lib/apt/lists\n',
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 5, endColumn: 19, message: /rm -rf \/var\/lib\/apt\/lists/ }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'in the last stage',
      code: 'FROM ubuntu:22.04 AS foo\nRUN true\nFROM scratch\nRUN apt-get update && apt-get install python\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'in a stage used as a base',
      code: 'FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN true\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'ONBUILD always ends up in an image',
      code: 'FROM ubuntu:22.04 AS foo\nONBUILD RUN apt-get update\nFROM scratch\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM ubuntu:22.04 AS foo\nONBUILD RUN apt-get update && rm -rf /var/lib/apt/lists/*\nFROM scratch\n',
    },
    {
      name: 'cache mount on /var/cache/apt only',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y x\n',
      errors: [{ line: 2, column: 46 }],
    },
    {
      name: 'fix after a continuation',
      code: 'FROM debian:12\nRUN apt-get -q update \\\n && apt-get install -y python\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get -q update \\\n && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'heredoc fix adds a line',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    { name: 'a tmpfs mount on /var/lib/apt without one on /var/cache/apt (as hadolint main)', code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt apt-get update\n', errors: [{ line: 2, column: 44 }] },
    { name: 'a bind mount on the lists directory keeps nothing out', code: 'FROM debian:12\nRUN --mount=type=bind,target=/var/lib/apt/lists apt-get update\n', errors: [{ line: 2 }] },
    {
      name: 'aptitude update fills the same lists (as hadolint main)',
      code: 'FROM debian:12\nRUN aptitude update && aptitude install python\n',
      errors: [{ line: 2, column: 5, endColumn: 20 }],
      output: 'FROM debian:12\nRUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'rm -rf of another folder is not a cleanup (hadolint main counts any rm -rf)', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /tmp/build\n', errors: [{ line: 2, column: 5 }] },
    { name: 'apt update too', code: 'FROM debian:12\nRUN apt update && apt install -y x\n', errors: [{ line: 2, column: 5, endColumn: 15 }] },
    { name: 'no fix after a trailing comment', code: 'FROM debian:12\nRUN apt-get update # refresh\n', errors: [{ line: 2 }], noFix: true },
  ],
});
