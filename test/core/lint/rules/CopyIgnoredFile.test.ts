import rule from '../../../../src/core/lint/rules/CopyIgnoredFile';
import type { BuildContextInfo } from '../../../../src/core/lint/types';
import { ruleTester } from '../rule-tester';
import { buildContextFromDockerignore } from '../../../../src/core/lint/build-context';

/** A .dockerignore of exact paths and directory prefixes, enough for the rule's questions. */
function context(...patterns: string[]): BuildContextInfo {
  return { dockerignorePath: '.dockerignore', isIgnored: (p) => patterns.some((pattern) => p === pattern || p.startsWith(`${pattern}/`)) };
}
const options = { buildContext: context('.env', 'tmp', 'secrets/prod.key') };
/** A real .dockerignore, matched as Docker does. */
const ignoring = (text: string) => ({ buildContext: buildContextFromDockerignore(text, '.dockerignore') });

ruleTester(rule, {
  valid: [
    { name: 'the good example', code: rule.meta.examples.good, options },
    { name: 'without a build context nothing is known', code: rule.meta.examples.bad },
    { name: 'COPY --from reads a stage', code: 'FROM alpine AS build\nFROM alpine\nCOPY --from=build /tmp/x /x\n', options },
    { name: 'the context root, URLs, heredocs and variables', code: 'FROM alpine\nCOPY . /app\nADD https://example.com/tmp/x /x\nCOPY <<EOF /tmp/x\nhi\nEOF\nARG D=tmp\nCOPY $D/x /x\n', options },
    { name: 'as BuildKit, a .dockerignore with ! exceptions is not judged', code: 'FROM scratch\nCOPY notes.txt .\n', options: ignoring('**\n!Dockerfile\n') },
    { name: 'as BuildKit, copying the root is fine when only dotfiles are excluded', code: 'FROM scratch\nCOPY . .\n', options: ignoring('.*\n') },
    { name: 'a check comment above the COPY skips it (as BuildKit)', code: 'FROM scratch\n# check=skip=CopyIgnoredFile\nCOPY Dockerfile .\n', options: ignoring('Dockerfile\n') },
    { name: 'the directive at the top skips it', code: '# check=skip=CopyIgnoredFile\n\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n', options: ignoring('Dockerfile\n') },
  ],
  invalid: [
    {
      name: 'the bad example',
      code: rule.meta.examples.bad,
      options,
      errors: [{ line: 3, column: 6, endColumn: 10, message: 'Attempting to Copy file ".env" that is excluded by .dockerignore (.dockerignore): remove the pattern or the COPY' }],
    },
    {
      name: 'paths are cleaned; ADD says Add',
      code: 'FROM alpine\nCOPY ./tmp/helloworld.txt /helloworld.txt\nADD ./secrets/../secrets/prod.key /k\n',
      options,
      errors: [{ line: 2, message: /Copy file "tmp\/helloworld.txt"/ }, { line: 3, message: /Add file "secrets\/prod.key"/ }],
    },
    {
      name: 'JSON form and several sources',
      code: 'FROM alpine\nCOPY ["package.json", "/tmp", "/app/"]\nCOPY a.txt .env /app/\n',
      options: { buildContext: context('.env', '/tmp', 'tmp') },
      errors: [{ line: 2, message: /"tmp"/ }, { line: 3, column: 12 }],
    },
    {
      name: 'as BuildKit, copying the root warns when a pattern excludes every entry of it',
      code: 'FROM scratch\nCOPY . .\n',
      options: ignoring('*\n'),
      errors: [{ line: 2, message: /Copy file "\." that is excluded/ }],
    },
    {
      name: 'COPY and ADD of an excluded file, each on its line (as BuildKit)',
      code: 'FROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
      options: ignoring('Dockerfile\n'),
      errors: [{ line: 2 }, { line: 3 }],
    },
  ],
});
