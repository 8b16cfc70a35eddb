import rule from '../../../../src/core/lint/rules/DL3003';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM debian:12\nWORKDIR /usr/src/app\n',
    'FROM debian:12\nRUN echo cd /tmp\n',
    'FROM debian:12\nRUN ["cd", "/tmp"]\n',
  ],
  invalid: [
    { name: 'in an ONBUILD RUN (Shipshape reports it; hadolint main does not look into ONBUILD for DL3003)', code: 'FROM debian:12\nONBUILD RUN cd /src && make\n', errors: [{ line: 2 }] },
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 5, endColumn: 7, message: 'Use WORKDIR /app instead of `cd /app`: a cd only lasts for this RUN' }],
    },
    { code: 'FROM debian:12\nRUN cd && ls\n', errors: [{ line: 2, message: /instead of `cd`/ }] },
    { name: 'in a subshell after a continuation', code: 'FROM debian:12\nRUN make && \\\n  (cd docs && make)\n', errors: [{ line: 3, column: 4 }] },
    { name: 'in ONBUILD RUN', code: 'FROM debian:12\nONBUILD RUN cd /src && make\n', errors: [{ line: 2, column: 13 }] },
  ],
});
