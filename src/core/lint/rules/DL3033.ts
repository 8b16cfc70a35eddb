import type { ShellCommand, ShellWord } from '../../dockerfile/shell';
import { positionalArgs } from '../../dockerfile/shell';
import { defineRule, hadolintDocs, instructionsOf } from '../define';

/** yum options that take a separate value, so the value is not a package name. */
const VALUED = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'x', 'exclude', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'setopt', 'R',
  'randomwait',
];
const VERSION_PART = /^[A-Za-z0-9.~^_:+]+$/;
const STARTS_WITH_DIGIT = /^[0-9]/;

/** `name-version[-release]`: some part after a dash starts with a digit and all are version characters (as hadolint's DL3041). */
function hasVersion(pkg: string): boolean {
  const parts = pkg.split('-').slice(1);
  return parts.length > 0 && parts.every((p) => VERSION_PART.test(p)) && parts.some((p) => STARTS_WITH_DIGIT.test(p));
}

/** Package words of `yum install …` and module words of `yum module install …`. */
function installed(command: ShellCommand): { words: ShellWord[]; module: boolean } | undefined {
  const positional = positionalArgs(command, VALUED);
  if (positional[0]?.value === 'install') return { words: positional.slice(1), module: false };
  if (positional[0]?.value === 'module' && positional[1]?.value === 'install') return { words: positional.slice(2), module: true };
  return undefined;
}

export default defineRule(
  {
    id: 'DL3033',
    source: 'hadolint',
    severity: 'warning',
    description: 'Specify version with `yum install -y <package>-<version>`',
    rationale:
      'Unpinned packages install whatever the repository holds on the day of the build, so two builds of one Dockerfile can differ. `yum install -y httpd-2.4.6` (and `yum module install nodejs:18`) keeps builds repeatable and makes upgrades deliberate.',
    examples: {
      bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    docs: hadolintDocs('DL3033'),
    fixable: false,
  },
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      for (const command of script.commands) {
        if (command.name !== 'yum') continue;
        const found = installed(command);
        if (!found) continue;
        for (const word of found.words) {
          const pkg = word.value;
          // Computed names, local or remote .rpm files and @groups cannot be pinned this way.
          if (word.dynamic || pkg.endsWith('.rpm') || pkg.startsWith('@') || pkg === '') continue;
          if (found.module) {
            if (!pkg.includes(':')) {
              ctx.report({ range: word.range, message: `Specify the module stream in yum module install: instead of \`${pkg}\` use \`${pkg}:<stream>\`` });
            }
          } else if (!hasVersion(pkg)) {
            ctx.report({ range: word.range, message: `Specify version with yum install: instead of \`${pkg}\` use \`${pkg}-<version>\`` });
          }
        }
      }
    }
  },
);
