import type { ShellCommand, ShellWord } from '../../dockerfile/shell';
import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { PIP, PIPX, PIPX_INSTALL_VALUED, PIP_INSTALL_VALUED, PYTHON } from '../package-managers';

const VERSION_SYMBOL = /==|>=|<=|>|<|!=|~=/;
const LOCAL_PACKAGE = /\.(whl|tar\.gz)$/;
const VCS = /^(git|hg|svn|bzr)(\+[\w-]+)?:/;
/** Requirement files, a constraints file or the local project pin (or do not name) the versions themselves. */
const DELEGATED = /^(-r|--requirement|-c|--constraint)(=.*|.+)?$/;

/** The arguments after `install` of `pip install …`, `pipx install …` or `python -m pip install …`, or null for other commands. */
function installArgs(command: ShellCommand): ShellWord[] | null {
  // As hadolint main, pipx installs count: `pipx install black` takes the newest release too.
  const valued = PIPX.test(command.name) ? PIPX_INSTALL_VALUED : PIP.test(command.name) ? PIP_INSTALL_VALUED : undefined;
  if (valued) {
    const positional = positionalArgs(command, valued);
    if (positional[0]?.value !== 'install') return null;
    return command.args.slice(command.args.indexOf(positional[0]) + 1);
  }
  if (PYTHON.test(command.name)) {
    const a = command.args;
    for (let i = 2; i < a.length; i++) {
      if (a[i]!.value === 'install' && a[i - 1]!.value === 'pip' && a[i - 2]!.value === '-m') return a.slice(i + 1);
    }
  }
  return null;
}

function pinned(pkg: string): boolean {
  if (VERSION_SYMBOL.test(pkg) || LOCAL_PACKAGE.test(pkg)) return true;
  // A VCS URL is pinned by `@ref`; any other path or URL points at a fixed file or directory.
  return VCS.test(pkg) ? pkg.includes('@') : pkg.includes('/');
}

export default defineInstructionRule(
  {
    id: 'DL3013',
    source: 'hadolint',
    severity: 'warning',
    description: 'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`',
    rationale:
      'An unpinned `pip install` takes whatever PyPI has on the day of the build, so rebuilding the same Dockerfile can bring in a new major version and break. Pin versions (or install from a pinned requirements file) to keep builds repeatable.',
    examples: {
      bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    },
    docs: hadolintDocs('DL3013'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction)) {
      const args = installArgs(command);
      if (!args || args.some((a) => a.value === '.' || DELEGATED.test(a.value))) continue;
      const pipx = PIPX.test(command.name);
      for (const pkg of positionalArgs({ ...command, args }, pipx ? PIPX_INSTALL_VALUED : PIP_INSTALL_VALUED)) {
        if (pkg.dynamic || pinned(pkg.value)) continue;
        const advice = VCS.test(pkg.value) ? `pin it to a tag or commit with \`@<ref>\`` : `use \`${pkg.value}==<version>\``;
        ctx.report({
          range: pkg.range,
          message: pipx
            ? `Pin versions in pipx install: instead of \`${pkg.value}\` ${advice}`
            : `Pin versions in pip install: instead of \`${pkg.value}\` ${advice} (or install from a pinned requirements file with -r)`,
        });
      }
    }
  },
);
