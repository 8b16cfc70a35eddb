import { hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

const TOOLS = ['dnf', 'microdnf'];
/** dnf options that take a separate value, so the value is not the subcommand. */
const VALUED = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'x', 'exclude', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid',
  'setopt', 'forcearch', 'disableplugin', 'enableplugin', 'color', 'destdir', 'downloaddir', 'comment', 'rpmverbosity',
];
const INSTALLS = new Set(['install', 'groupinstall', 'localinstall']);

export default defineRule(
  {
    id: 'DL3038',
    source: 'hadolint',
    severity: 'warning',
    description: 'Use the -y switch to avoid manual input `dnf install -y <package>`',
    rationale:
      'A build has no one to answer prompts: without -y dnf asks "Is this ok [y/N]", reads end of input as no, and the build fails. `dnf install -y` answers yes for you.',
    examples: {
      bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    docs: hadolintDocs('DL3038'),
    fixable: true,
  },
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      for (const command of script.commands) {
        if (!TOOLS.includes(command.name) || !command.nameWord) continue;
        const [first, second] = positionalArgs(command, VALUED);
        // `dnf install`, `dnf groupinstall`, `dnf localinstall`, and `dnf module|group install`.
        const grouped = first && ['module', 'group', 'groups'].includes(first.value) && second?.value === 'install';
        const sub = first && INSTALLS.has(first.value) ? first : grouped ? second : undefined;
        if (!sub || hasFlag(command, 'y', 'assumeyes')) continue;
        const at = sub.range.end;
        ctx.report({
          range: { start: command.nameWord.range.start, end: sub.range.end },
          message: `Use the -y switch to avoid manual input: \`${command.name} ${first!.value}${sub === first ? '' : ' install'} -y …\``,
          fixes: [fix('Add -y', insertAt(at.line, at.character, ' -y'))],
        });
      }
    }
  },
);
