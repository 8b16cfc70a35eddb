import rule from '../../../../src/core/lint/rules/MissingArguments';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    { name: 'RUN and CMD may be empty', code: 'FROM alpine:3.20\nRUN\nCMD\n' },
    { name: 'a heredoc source and its destination', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n' },
    { name: 'exec form with a source and a destination', code: 'FROM alpine:3.20\nCOPY ["a b.txt", "/dest/"]\n' },
    { name: 'sources over continuation lines', code: 'FROM alpine:3.20\nCOPY a \\\n  /b/\n' },
    'FROM alpine:3.20\nHEALTHCHECK NONE\nENV A=1\nLABEL a=b\nARG X\nUSER app\nWORKDIR /app\nVOLUME /data\nEXPOSE 80\nSTOPSIGNAL SIGTERM\nSHELL ["/bin/sh", "-c"]\nENTRYPOINT ["x"]\nONBUILD RUN x\n',
  ],
  invalid: [
    { code: rule.meta.examples.bad, errors: [{ line: 2, column: 6, endColumn: 16, message: 'COPY needs a destination after the source, e.g. COPY app.tar.gz /app/' }] },
    { name: 'FROM without an image', code: 'FROM\n', errors: [{ line: 1, column: 1, endColumn: 5, message: 'FROM has no arguments: name the base image, e.g. FROM alpine:3.20' }] },
    { name: 'FROM with only a flag', code: 'FROM --platform=linux/amd64\n', errors: [{ line: 1 }] },
    { name: 'ADD with nothing', code: 'FROM alpine:3.20\nADD\n', errors: [{ line: 2, message: /ADD needs a source and a destination/ }] },
    { name: 'exec form with one element', code: 'FROM alpine:3.20\nCOPY ["app.tar.gz"]\n', errors: [{ line: 2, message: /last element of the JSON array/ }] },
    { name: 'a heredoc without destination', code: 'FROM alpine:3.20\nCOPY <<EOF\nhello\nEOF\n', errors: [{ line: 2, message: /needs a destination/ }] },
    { name: 'HEALTHCHECK with flags only', code: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s\n', errors: [{ line: 2, message: /CMD <command> or NONE/ }] },
    {
      name: 'every instruction that needs arguments',
      code: 'FROM alpine:3.20\nWORKDIR\nENV\nLABEL\nARG\nUSER\nVOLUME\nEXPOSE\nSTOPSIGNAL\nSHELL\nENTRYPOINT\nONBUILD\nMAINTAINER\n',
      errors: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((line) => ({ line })),
    },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD COPY a\n', errors: [{ line: 2, column: 14 }] },
  ],
});
