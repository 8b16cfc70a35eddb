import rule from '../../../../src/core/lint/rules/DL4000';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM busybox\nLABEL org.opencontainers.image.authors="a@b.c"\n',
    'FROM busybox\nRUN echo MAINTAINER\n',
    { name: '# check=skip=MaintainerDeprecated above it silences it (as BuildKit)', code: 'FROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 1, endColumn: 11, message: 'MAINTAINER is deprecated: use `LABEL maintainer="Jane Doe <jane@example.com>"` instead' }],
      output: rule.meta.examples.good,
    },
    {
      name: 'quotes and $ are escaped in the label',
      code: 'FROM busybox\nMAINTAINER "Jo" $HOME\n',
      errors: [{ line: 2 }],
      output: 'FROM busybox\nLABEL maintainer="\\"Jo\\" \\$HOME"\n',
    },
    { name: 'lower case keyword', code: 'FROM busybox\nmaintainer me@x.org\n', errors: [{ line: 2 }], output: 'FROM busybox\nlabel maintainer="me@x.org"\n' },
    {
      name: 'with the backtick escape character',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nMAINTAINER "Jo"\n',
      errors: [{ line: 3 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nLABEL maintainer="`"Jo`""\n',
    },
    { name: 'continued over lines', code: 'FROM busybox\nMAINTAINER Jane \\\n  Doe\n', errors: [{ line: 2 }], output: 'FROM busybox\nLABEL maintainer="Jane   Doe"\n' },
  ],
});
