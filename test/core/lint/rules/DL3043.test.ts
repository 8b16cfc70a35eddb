import rule from '../../../../src/core/lint/rules/DL3043';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [rule.meta.examples.good, 'FROM busybox:1.36\nONBUILD RUN echo hi\n', 'FROM busybox:1.36\nMAINTAINER me\nFROM busybox:1.36\n'],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 9, endColumn: 13, message: '`ONBUILD FROM` is not allowed: an ONBUILD trigger cannot be ONBUILD, FROM or MAINTAINER' }] },
    { code: 'FROM busybox:1.36\nONBUILD ONBUILD RUN echo hi\n', errors: [{ line: 2, column: 9, message: /^`ONBUILD ONBUILD`/ }] },
    { code: 'FROM busybox:1.36\nonbuild maintainer me\n', errors: [{ line: 2, column: 9, endColumn: 19, message: /^`ONBUILD MAINTAINER`/ }] },
  ],
});
