import rule from '../../../../src/core/lint/rules/ConsistentInstructionCasing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'from alpine:3.20\nrun echo hi\ncopy . /app\n',
    { name: 'unknown words are not instructions', code: 'FROM alpine:3.20\nRUN true\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 3, column: 1, endColumn: 5, message: "Command 'copy' should match the case of the command majority (uppercase): write 'COPY'" }],
      output: rule.meta.examples.good,
    },
    {
      name: 'lowercase majority',
      code: 'from alpine:3.20\nrun echo hi\nCOPY . /app\nworkdir /app\n',
      errors: [{ line: 3, message: "Command 'COPY' should match the case of the command majority (lowercase): write 'copy'" }],
      output: 'from alpine:3.20\nrun echo hi\ncopy . /app\nworkdir /app\n',
    },
    {
      name: 'mixed case is always wrong; a tie goes to uppercase',
      code: 'from alpine:3.20\nRUN echo hi\nRun echo there\n',
      errors: [{ line: 1 }, { line: 3, message: /'Run'.*uppercase/ }],
      output: 'FROM alpine:3.20\nRUN echo hi\nRUN echo there\n',
    },
    {
      name: 'global ARGs and ONBUILD triggers count too',
      code: 'arg VERSION=1\nFROM alpine:3.20\nONBUILD run make\nRUN true\n',
      errors: [{ line: 1, column: 1 }, { line: 3, column: 9 }],
      output: 'ARG VERSION=1\nFROM alpine:3.20\nONBUILD RUN make\nRUN true\n',
    },
    {
      name: 'a check comment above the instruction does not skip it: BuildKit checks casing over the whole file at once',
      code: 'FROM alpine:3.20\nRUN true\n# check=skip=ConsistentInstructionCasing\nrun false\n',
      errors: [{ line: 4 }],
    },
  ],
});
