import rule from '../../../../src/core/lint/rules/DL4006';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://x | tar xz\n',
    'FROM debian:12\nRUN set -o pipefail && wget -O - https://x | tar xz\n',
    'FROM debian:12\nRUN set -euo pipefail; wget -O - https://x | tar xz\n',
    'FROM debian:12\nRUN a || b\n',
    'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command"]\nRUN Get-Item x | Remove-Item\n',
    { name: '-eo pipefail, as hadolint main reads flag clusters', code: 'FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -O - https://x | wc -l\n' },
    { name: '-euxo pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN a | b\n' },
    { name: '-o errexit -o pipefail, as hadolint main', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b\n' },
    { name: 'bash under another folder, as hadolint main', code: 'FROM debian:12\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n' },
    {
      name: 'a pipefail SHELL of the stage it is built on carries over (as Docker runs it; hadolint main starts each FROM afresh)',
      code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
    },
    {
      name: 'carried over two stages, through FROM $BASE',
      code: 'ARG BASE=mid\nFROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base AS mid\nRUN true\nFROM $BASE\nRUN a | b\n',
    },
  ],
  invalid: [
    { name: 'a shell whose name only ends in cmd is POSIX', code: 'FROM debian:12\nSHELL ["/bin/xcmd", "-c"]\nRUN wget -O - https://x | tar xz\n', errors: [{ line: 3 }] },
    {
      code: 'FROM debian:12\nRUN wget -O - https://x | tar xz\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://x | tar xz\n',
    },
    {
      name: 'pipefail does not carry into the next stage',
      code: 'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'plain sh with -o pipefail still warns, as hadolint main',
      code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'a parent stage whose last SHELL dropped pipefail does not cover the child',
      code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/sh", "-c"]\nFROM base\nRUN a | b\n',
      errors: [{ line: 5 }],
    },
    {
      name: 'a later SHELL without pipefail resets it',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n',
      errors: [{ line: 4 }],
    },
  ],
});
