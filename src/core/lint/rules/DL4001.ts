import type { ShellCommand } from '../../dockerfile/shell';
import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL4001',
    source: 'hadolint',
    severity: 'warning',
    description: 'Either use Wget or Curl but not both',
    rationale:
      'curl and wget do the same job. Installing and using both in one image means two tools to keep patched and more bytes shipped; pick one and use it for every download in the stage.',
    examples: {
      bad: 'FROM debian:12\nRUN wget -q https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
      good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
    },
    docs: hadolintDocs('DL4001'),
    fixable: false,
    stages: { mode: 'per-stage', note: 'curl and wget are counted within one stage (RUN and ONBUILD RUN apart), as hadolint' },
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      // RUN and ONBUILD RUN are counted apart: triggers run in another image (as hadolint).
      const seen = [new Map<string, number>(), new Map<string, number>()];
      for (const instruction of stage.instructions) {
        const trigger = instruction.trigger?.keyword === 'RUN';
        const run = instruction.keyword === 'RUN' ? instruction : trigger ? instruction.trigger! : undefined;
        if (!run) continue;
        if (run.heredocs.length === 0 && !/curl|wget/.test(run.argsText)) continue; // no parse for most RUNs
        const script = ctx.shell(run);
        if (!script) continue;
        const tools: ShellCommand[] = script.commands.filter((c) => c.name === 'curl' || c.name === 'wget');
        if (tools.length === 0) continue;
        const stageSeen = seen[trigger ? 1 : 0]!;
        for (const tool of tools) if (!stageSeen.has(tool.name)) stageSeen.set(tool.name, run.range.start.line);
        if (stageSeen.size < 2) continue;
        // Point at the tool that is not the stage's first choice.
        const first = [...stageSeen.entries()].sort((a, b) => a[1] - b[1])[0]![0];
        const culprit = tools.find((t) => t.name !== first) ?? tools[0]!;
        const other = culprit.name === 'curl' ? 'wget' : 'curl';
        ctx.report({
          range: culprit.nameWord?.range ?? run.keywordRange,
          message: `Either use wget or curl but not both: this stage also uses \`${other}\` (line ${stageSeen.get(other)! + 1}); use one tool for every download`,
        });
      }
    }
  },
);
