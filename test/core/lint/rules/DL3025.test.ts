import rule from '../../../../src/core/lint/rules/DL3025';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM busybox\nCMD ["httpd", "-f"]\n',
    'FROM busybox\nENTRYPOINT ["/entrypoint.sh"]\n',
    'FROM busybox\nRUN echo hello\n',
    { name: 'HEALTHCHECK CMD in exec form, as hadolint main', code: 'FROM busybox\nHEALTHCHECK CMD [ "foobar" ]\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM busybox\nHEALTHCHECK NONE\n' },
    { name: '# hadolint ignore=JSONArgsRecommended (its alias) silences it', code: 'FROM busybox\n# hadolint ignore=JSONArgsRecommended\nCMD run-it\n' },
    { name: '# check=skip=JSONArgsRecommended above the CMD silences it (as BuildKit)', code: 'FROM scratch\n# check=skip=JSONArgsRecommended\nCMD mycommand\n' },
    { name: '# check=skip=JSONArgsRecommended at the top silences it', code: '# check=skip=JSONArgsRecommended\nFROM scratch\nCMD mycommand\n' },
  ],
  invalid: [
    {
      code: 'FROM busybox\nCMD httpd -f -p 8080\n',
      errors: [{ line: 2, column: 5, message: 'Use arguments JSON notation for CMD arguments', aliases: ['JSONArgsRecommended'] }],
      output: 'FROM busybox\nCMD ["httpd", "-f", "-p", "8080"]\n',
    },
    {
      name: 'a quoted argument keeps its spaces in the exec form',
      code: 'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n',
      errors: [{ line: 2 }],
      output: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'shell syntax is kept by running it through /bin/sh -c',
      code: 'FROM busybox\nENTRYPOINT echo $HOME && exec sleep 1\n',
      errors: [{ line: 2, message: 'Use arguments JSON notation for ENTRYPOINT arguments' }],
      output: 'FROM busybox\nENTRYPOINT ["/bin/sh", "-c", "echo $HOME && exec sleep 1"]\n',
    },
    {
      name: 'HEALTHCHECK CMD in shell form, as hadolint main: DL3025 only (BuildKit does not check HEALTHCHECK)',
      code: 'FROM busybox\nHEALTHCHECK --interval=5s CMD wget -qO- http://localhost/\n',
      errors: [{ line: 2, column: 31, message: 'Use arguments JSON notation for HEALTHCHECK CMD arguments', aliases: [] }],
      noFix: true,
    },
    { name: 'in an ONBUILD trigger: DL3025 only (BuildKit does not check triggers)', code: 'FROM busybox\nONBUILD CMD run-it\n', errors: [{ line: 2, aliases: [] }] },
    {
      name: 'after a SHELL in the stage: DL3025 (as hadolint) without JSONArgsRecommended (as BuildKit)',
      code: 'FROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n',
      errors: [{ line: 3, aliases: [] }],
    },
    {
      name: 'ENTRYPOINT after a SHELL set in the stage it is built on: no BuildKit alias (as BuildKit)',
      code: 'FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand\n',
      errors: [{ line: 5, aliases: [] }],
    },
    {
      name: 'a SHELL two stages up, through FROM $BASE naming a stage: no BuildKit alias',
      code: 'ARG BASE=mid\nFROM debian:12 AS top\nSHELL ["/bin/bash", "-c"]\nFROM top AS mid\nFROM $BASE\nCMD run-it\n',
      errors: [{ line: 6, aliases: [] }],
    },
    {
      name: 'a SHELL after the CMD does not count: JSONArgsRecommended too',
      code: 'FROM debian:12\nCMD run-it\nSHELL ["/bin/bash", "-c"]\n',
      errors: [{ line: 2, aliases: ['JSONArgsRecommended'] }],
    },
    {
      name: 'a SHELL in an unrelated stage does not count',
      code: 'FROM debian:12 AS a\nSHELL ["/bin/bash", "-c"]\nFROM debian:12\nCMD run-it\n',
      errors: [{ line: 4, aliases: ['JSONArgsRecommended'] }],
    },
  ],
});
