import rule from '../../../../src/core/lint/rules/DL4005';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\n',
    { name: 'other commands mentioning /bin/sh', code: 'FROM debian:12\nRUN ln -s foo bar && unrelated && something_with /bin/sh\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["ln", "-sf", "/bin/bash", "/bin/sh"]\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 22, endColumn: 29, message: /^Use SHELL to change the default shell/ }] },
    { code: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n', errors: [{ line: 2, column: 23 }] },
    { name: 'inside a longer RUN', code: 'FROM debian:12\nRUN apt-get update && \\\n    ln -sf /bin/bash /bin/sh\n', errors: [{ line: 3, column: 22 }] },
    { name: 'in ONBUILD', code: 'FROM debian:12\nONBUILD RUN ln -sfv /bin/bash /bin/sh\n', errors: [{ line: 2 }] },
  ],
});
