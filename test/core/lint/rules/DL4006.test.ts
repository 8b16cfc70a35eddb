import rule from '../../../../src/core/lint/rules/DL4006';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://x | tar xz\n',
    'FROM debian:12\nRUN set -o pipefail && wget -O - https://x | tar xz\n',
    'FROM debian:12\nRUN set -euo pipefail; wget -O - https://x | tar xz\n',
    'FROM debian:12\nRUN a || b\n',
    'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command"]\nRUN Get-Item x | Remove-Item\n',
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
      name: 'a later SHELL without pipefail resets it',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n',
      errors: [{ line: 4 }],
    },
  ],
});
