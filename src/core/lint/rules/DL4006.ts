import { parentStage } from '../../dockerfile/variables';
import { defineRule, fix, hadolintDocs, insertAt } from '../define';

const POSIX_SHELLS = /(^|\/)(bash|zsh|ash|ksh|mksh)$/;

/** `-o pipefail` among a SHELL's words, `-o` also in a cluster (`-eo`, `-euxo`), as hadolint reads flags. */
function setsPipefail(argv: readonly string[]): boolean {
  return POSIX_SHELLS.test(argv[0] ?? '') && argv.slice(1).some((a) => /^-[a-zA-Z]*o/.test(a)) && argv.includes('pipefail');
}

export default defineRule(
  {
    id: 'DL4006',
    source: 'hadolint',
    severity: 'warning',
    description: 'Set the SHELL option -o pipefail before RUN with a pipe in it',
    rationale:
      'A pipeline\'s exit status is that of its last command, so `wget -O - https://x | tar xz` succeeds even when the download fails and the image is built broken. With `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` any failing stage fails the RUN. (busybox ash and dash: use `set -o pipefail` where supported.)',
    examples: {
      bad: 'FROM debian:12\nRUN wget -O - https://example.com/x.tgz | tar xz\n',
      good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com/x.tgz | tar xz\n',
    },
    docs: hadolintDocs('DL4006'),
    fixable: true,
    stages: {
      mode: 'inherits',
      note: 'a pipefail (or non-POSIX) SHELL of the stage it is built on carries over, as Docker runs it; hadolint main starts every FROM afresh and would report there',
    },
  },
  (ctx) => {
    // Whether a pipefail SHELL is in effect at the end of each stage: a stage built on it starts from there.
    const atEnd: boolean[] = [];
    for (const stage of ctx.model.stages) {
      const parent = parentStage(ctx.model, stage);
      let pipefail = parent ? (atEnd[parent.index] ?? false) : false;
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'SHELL') {
          const argv = instruction.json ?? [];
          // Only shells that understand -o pipefail count; SHELL ["/bin/sh", "-c"] resets it.
          pipefail = setsPipefail(argv);
          if (argv[0] && /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i.test(argv[0])) pipefail = true;
          continue;
        }
        if (instruction.keyword !== 'RUN' || pipefail) continue;
        const script = ctx.shell(instruction);
        if (!script?.hasPipeline) continue;
        // `set -o pipefail` (or `set -euo pipefail`) at the start of the script covers it.
        if (script.commands.some((c) => c.name === 'set' && c.args.some((a, i) => a.value === 'pipefail' && /^-\w*o$/.test(c.args[i - 1]?.value ?? '')))) continue;
        const line = instruction.range.start.line;
        ctx.report({
          range: instruction.keywordRange,
          message: 'Set the SHELL option -o pipefail before RUN with a pipe in it; otherwise a failure before the last | is ignored',
          fixes: [fix('Add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN (the image needs bash)', insertAt(line, 0, 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'))],
        });
      }
      atEnd[stage.index] = pipefail;
    }
  },
);
