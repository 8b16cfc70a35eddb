import type { Range } from '../../dockerfile/model';
import { hasMountOver } from '../../dockerfile/mounts';
import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAt } from '../define';
import { YUM_VALUED, appendPosition, removesDir, rpmInstall } from '../package-managers';

const CACHE_DIR = '/var/cache/yum';

export default defineInstructionRule(
  {
    id: 'DL3032',
    source: 'hadolint',
    severity: 'warning',
    description: '`yum clean all` missing after yum command',
    rationale:
      'yum keeps downloaded packages and repository metadata in /var/cache/yum, and whatever a RUN leaves behind is stored in its layer for good. Running `yum clean all` in the same RUN (or mounting a BuildKit cache over /var/cache/yum) keeps that cache out of the image.',
    examples: {
      bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    docs: hadolintDocs('DL3032'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    const script = ctx.shell(instruction);
    if (!script) return;
    // `yum install`, `yum module install` or `yum group install`.
    const installs = script.commands.filter((c) => c.name === 'yum' && rpmInstall(c, YUM_VALUED) !== undefined);
    // A BuildKit cache or tmpfs mount over the yum cache keeps it out of the layer.
    if (installs.length === 0 || hasMountOver(instruction, ['cache', 'tmpfs'], (target) => target.includes(CACHE_DIR))) return;
    const last = installs[installs.length - 1]!;
    const lastIndex = script.commands.indexOf(last);
    // Only a clean after the last install empties what it downloaded; `rm -rf /var/cache/yum/*` (or a parent) does too.
    const cleaned = script.commands.some(
      (c, i) => i > lastIndex && ((c.name === 'yum' && positionalArgs(c, YUM_VALUED)[0]?.value === 'clean') || removesDir(c, [CACHE_DIR])),
    );
    if (cleaned) return;
    const first = installs[0]!;
    const range: Range = { start: first.nameWord!.range.start, end: rpmInstall(first, YUM_VALUED)!.word.range.end };
    const at = appendPosition(script, last);
    ctx.report({
      range,
      message: '`yum clean all` missing after yum install: add `&& yum clean all` to this RUN, or mount a cache with `--mount=type=cache,target=/var/cache/yum`',
      fixes: [fix('Append `&& yum clean all`', insertAt(at.line, at.character, ' && yum clean all'))],
    });
  },
);
