import type { ShellCommand, ShellWord } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { ZYPPER_GLOBAL_VALUED, ZYPPER_INSTALL_VALUED } from '../package-managers';

const DASHES = /^--?/;
const PINNED = /[=<>]/;

/** The package words of `zypper install|in …`, and the `--type` given (packages unless said otherwise). */
function installed(command: ShellCommand): { words: ShellWord[]; type: string } | undefined {
  let subcommand: string | undefined;
  let type = 'package';
  const words: ShellWord[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    const value = arg.value;
    if (value.startsWith('-') && value.length > 1) {
      const name = value.replace(DASHES, '');
      const valued = subcommand ? ZYPPER_INSTALL_VALUED : ZYPPER_GLOBAL_VALUED;
      if (subcommand && (name === 't' || name === 'type')) type = command.args[i + 1]?.value ?? type;
      else if (subcommand && name.startsWith('type=')) type = name.slice('type='.length);
      if (valued.includes(name) && !value.includes('=')) i++;
      continue;
    }
    if (!subcommand) {
      subcommand = value;
      if (subcommand !== 'install' && subcommand !== 'in') return undefined;
      continue;
    }
    words.push(arg);
  }
  return subcommand ? { words, type } : undefined;
}

export default defineInstructionRule(
  {
    id: 'DL3037',
    source: 'hadolint',
    severity: 'warning',
    description: 'Specify version with `zypper install -y <package>=<version>`',
    rationale:
      'Unpinned packages install whatever the repository holds on the day of the build, so two builds of one Dockerfile can differ. `zypper install -y httpd=2.4.58` (or a range such as `httpd>=2.4`) keeps builds repeatable and makes upgrades deliberate.',
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
    },
    docs: hadolintDocs('DL3037'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'zypper')) {
      const found = installed(command);
      // Patterns, patches and products (`-t pattern`) are not pinned by version.
      if (!found || found.type !== 'package') continue;
      for (const word of found.words) {
        const pkg = word.value;
        // `=`, `<`, `>` (and `<=`, `>=`) pin; computed names and .rpm files cannot be judged.
        if (word.dynamic || PINNED.test(pkg) || pkg.endsWith('.rpm') || pkg === '') continue;
        ctx.report({ range: word.range, message: `Specify version with zypper install: instead of \`${pkg}\` use \`${pkg}=<version>\`` });
      }
    }
  },
);
