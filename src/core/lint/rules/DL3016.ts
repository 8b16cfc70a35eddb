import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { NPM_VALUED } from '../package-managers';

/** `npm i` and `npm add` are the same command as `npm install`. */
const INSTALL = new Set(['install', 'i', 'add']);
const GIT = /^git(\+(ssh|https?))?:\/\//;
const TARBALL = /\.(tar|tar\.gz|tgz)$/;
const FOLDER = /^(\/|\.\/|\.\.\/|~\/)/;

function pinned(pkg: string): boolean {
  if (GIT.test(pkg)) return pkg.includes('#');
  if (TARBALL.test(pkg) || FOLDER.test(pkg)) return true;
  // `@scope/name@1.2.3`: the version's @ comes after the scope's slash.
  const name = pkg.startsWith('@') ? pkg.slice(pkg.indexOf('/') + 1) : pkg;
  return name.includes('@');
}

export default defineInstructionRule(
  {
    id: 'DL3016',
    source: 'hadolint',
    severity: 'warning',
    description: 'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`',
    rationale:
      'A package named without a version installs whatever the registry tags as latest at build time, so two builds of the same Dockerfile can get different major versions. Pin a version (or install from package.json with its lockfile via `npm ci`).',
    examples: {
      bad: 'FROM node:20-alpine\nRUN npm install -g typescript\n',
      good: 'FROM node:20-alpine\nRUN npm install -g typescript@5.4.5\n',
    },
    docs: hadolintDocs('DL3016'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'npm')) {
      const positional = positionalArgs(command, NPM_VALUED);
      if (!INSTALL.has(positional[0]?.value ?? '')) continue;
      for (const pkg of positional.slice(1)) {
        if (pkg.dynamic || pinned(pkg.value)) continue;
        const advice = GIT.test(pkg.value) ? `pin it to a commit or tag with \`#<ref>\`` : `use \`${pkg.value}@<version>\``;
        ctx.report({ range: pkg.range, message: `Pin versions in npm install: instead of \`${pkg.value}\` ${advice}` });
      }
    }
  },
);
