// Rules that want a BuildKit cache (or tmpfs) mount over a tool's download cache in the RUNs that fill it
// (DL3068 npm, DL3069 cargo, DL3070 go), as an open hadolint pull-request series defines them.
import { hasMountOver } from '../dockerfile/mounts';
import type { ShellCommand } from '../dockerfile/shell';
import { defineInstructionRule } from './define';
import type { Rule, RuleMeta } from './types';

export interface BuildCacheTool {
  /** The command: `npm`, `cargo`, `go`. */
  command: string;
  /** Arguments any one of which makes the command fill its cache (anywhere among its words, as hadolint's PR reads it). */
  filling: readonly string[];
  /** A cache or tmpfs mount whose target contains one of these keeps the cache out of the layer. */
  cachePaths: readonly string[];
  /** The mount(s) to suggest, as they would be written on the RUN. */
  suggestion: string;
}

const fills = (tool: BuildCacheTool) => (c: ShellCommand) => c.name === tool.command && c.args.some((a) => tool.filling.includes(a.value));

export function defineBuildCacheRule(meta: RuleMeta, tool: BuildCacheTool): Rule {
  const word = new RegExp(`\\b${tool.command}\\b`);
  return defineInstructionRule(meta, 'RUN', (instruction, ctx) => {
    if (instruction.heredocs.length === 0 && !word.test(instruction.argsText)) return; // no parse for RUNs without the tool
    if (hasMountOver(instruction, ['cache', 'tmpfs'], (target) => tool.cachePaths.some((p) => target.includes(p)))) return;
    const script = ctx.shell(instruction);
    const command = script?.commands.find(fills(tool));
    if (!command) return;
    const sub = command.args.find((a) => tool.filling.includes(a.value))!.value;
    ctx.report({
      range: command.range,
      message: `${meta.description}: \`${tool.command} ${sub}\` writes its download cache into the layer; add \`${tool.suggestion}\` to this RUN so the cache stays out of the image and is reused by the next build`,
    });
  });
}

/** What the three rules' docs say about where they come from and how to turn them on. */
export const OPEN_PR_NOTE =
  "It follows an open hadolint pull request (hadolint's released rules end at DL3067), so it is off by default: name it in an `override` list of `.hadolint.yaml` (e.g. `override: { info: [DL3068] }`) to turn it on.";

/** hadolint has no wiki page for rules still in review: the docs link lists the pull requests that name the rule. */
export const openPullRequests = (id: string) => `https://github.com/hadolint/hadolint/pulls?q=${id}`;
