import rule from '../../../../src/core/lint/rules/UnknownInstruction';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'instructions in any case', code: 'from alpine:3.20\nrun echo hi\nMaintainer me\n' },
    { name: 'continuation lines belong to the instruction', code: 'FROM alpine:3.20\nRUN apt-get update && \\\n    apt-get install -y curl\n' },
    { name: 'heredoc bodies are not instructions', code: 'FROM alpine:3.20\nRUN <<EOF\napt-get update\nEOF\n' },
    { name: 'every keyword', code: 'FROM a\nADD a b\nARG a\nCMD a\nCOPY a b\nENTRYPOINT a\nENV a=b\nEXPOSE 1\nHEALTHCHECK NONE\nLABEL a=b\nMAINTAINER a\nONBUILD RUN a\nRUN a\nSHELL ["a"]\nSTOPSIGNAL 1\nUSER a\nVOLUME a\nWORKDIR /a\n' },
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 1, endColumn: 5, message: 'Unknown instruction `RUNN`: did you mean RUN?' }], output: rule.meta.examples.good },
    { name: 'a swapped pair of letters', code: 'FORM alpine:3.20\n', errors: [{ line: 1, message: /did you mean FROM\?/ }], output: 'FROM alpine:3.20\n' },
    { name: 'lower case keeps its case', code: 'FROM alpine:3.20\ncopyy . /app\n', errors: [{ line: 2, message: /did you mean copy\?/ }] },
    {
      name: 'a lost line continuation',
      code: 'FROM alpine:3.20\nRUN apt-get update &&\n    apt-get install -y curl\n',
      errors: [{ line: 3, column: 5, message: 'Unknown instruction `apt-get`: if this line continues the RUN above, end line 2 with `\\`' }],
      output: 'FROM alpine:3.20\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'after a line ending in && only the continuation is suggested',
      code: 'FROM alpine:3.20\nRUN make &&\n    chmod +x /app\n',
      errors: [{ line: 3, message: 'Unknown instruction `chmod`: if this line continues the RUN above, end line 2 with `\\`' }],
    },
    { name: 'a lost continuation with the backtick escape', code: '# escape=`\nFROM alpine:3.20\nRUN dir\n  /s\n', errors: [{ line: 4, message: /end line 3 with `\`/ }] },
    { name: 'a word that is nothing like an instruction', code: 'FROM alpine:3.20\n\nplease build this\n', errors: [{ line: 3, message: /must start with an instruction/ }] },
    { name: 'as an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD RUNN make\n', errors: [{ line: 2, column: 9, message: /did you mean RUN/ }] },
  ],
});
