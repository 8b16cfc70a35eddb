import rule from '../../../../src/core/lint/rules/InvalidSubstitution';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    rule.meta.examples.good,
    'FROM alpine:3.20\nENV A=${B:-x} C=${D:+y} E=${F:?need F} G=${H-x} I=${J+y} K=${L?z}\nWORKDIR ${A#/} \nLABEL a=${B%%.*} c=${D/x/y} e=${F//a/b} g=${H##*/}\n',
    { name: 'shell expansions in RUN are the shell\'s', code: 'FROM alpine:3.20\nRUN echo ${A:=1} ${B:0:3}\nCMD echo ${#A}\n' },
    { name: 'single quotes are literal', code: "FROM alpine:3.20\nENV A='${B:=c}'\n" },
    { name: 'an escaped dollar is literal', code: 'FROM alpine:3.20\nENV A=\\${B:=c}\n' },
    { name: 'a quoted heredoc is not expanded', code: "FROM alpine:3.20\nCOPY <<'EOF' /x\n${A:=1}\nEOF\n" },
    { name: 'RUN heredocs are the shell\'s', code: 'FROM alpine:3.20\nRUN <<EOF\necho ${A:=1}\nEOF\n' },
    { name: 'nested substitutions', code: 'FROM alpine:3.20\nENV A=${B:-${C:-d}}\n' },
  ],
  invalid: [
    {
      code: rule.meta.examples.bad,
      errors: [{ line: 2, column: 14, endColumn: 28, message: 'Unsupported modifier `:=` in `${HOME:=/root}`: use ${VAR:-default}, ${VAR:+alternative}, ${VAR:?message} or the #, % and / pattern forms' }],
    },
    { name: 'a substring', code: 'FROM alpine:3.20\nLABEL short=${VERSION:0:7}\n', errors: [{ line: 2, column: 13, message: /Unsupported modifier `:0`/ }] },
    { name: 'an empty modifier', code: 'FROM alpine:3.20\nWORKDIR ${DIR:}\n', errors: [{ line: 2, message: /Unsupported modifier `:`/ }] },
    { name: 'an empty substitution', code: 'FROM alpine:3.20\nENV A=${}\n', errors: [{ line: 2, column: 7, endColumn: 10, message: 'Bad substitution `${}`: write ${NAME}' }] },
    { name: 'a missing closing brace', code: 'FROM alpine:3.20\nCOPY ${SRC /app/\n', errors: [{ line: 2, column: 6, message: /is missing its closing }/ }] },
    { name: 'inside double quotes', code: 'FROM alpine:3.20\nENV A="${B:=c}"\n', errors: [{ line: 2, column: 8 }] },
    { name: 'in a flag value', code: 'FROM alpine:3.20\nCOPY --chown=${USER:=app} a /b/\n', errors: [{ line: 2, column: 14 }] },
    { name: 'in an unquoted COPY heredoc', code: 'FROM alpine:3.20\nCOPY <<EOF /x\nvalue=${A:=1}\nEOF\n', errors: [{ line: 3, column: 7 }] },
    { name: 'on a continuation line', code: 'FROM alpine:3.20\nENV A=1 \\\n    B=${C:=d}\n', errors: [{ line: 3, column: 7 }] },
    { name: 'in an ONBUILD trigger', code: 'FROM alpine:3.20\nONBUILD WORKDIR ${A:=x}\n', errors: [{ line: 2, column: 17 }] },
  ],
});
