import type { Instruction } from '../../dockerfile/model';
import { shippedStages } from '../../dockerfile/model';
import { mountsOf } from '../../dockerfile/mounts';
import type { ShellScript } from '../../dockerfile/shell';
import { scriptHeredoc, subcommand } from '../../dockerfile/shell';
import type { Fix } from '../types';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';
import { APT_GET_VALUED, removesDir } from '../package-managers';
const CLEANUP = ' && rm -rf /var/lib/apt/lists/*';
const APT_TOOLS = ['apt-get', 'apt', 'aptitude'];
/** Script endings after which `&& rm …` cannot simply be appended. */
const OPEN_END = /[;&|\\]\s*$/;
const SHELL_COMMENT = /(^|\s)#/;

/** A cache or tmpfs mount keeps the lists out of the image (as hadolint main: the lists dir, or both apt dirs, mounts of either type). */
function listsCached(instruction: Instruction): boolean {
  const targets = mountsOf(instruction)
    .filter((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target)
    .map((m) => m.target!.replace(/\/+$/, ''));
  const under = (dir: string) => targets.some((t) => t === dir || t.startsWith(dir + '/'));
  return under('/var/lib/apt/lists') || (under('/var/lib/apt') && under('/var/cache/apt'));
}

function cleansLists(script: ShellScript): boolean {
  return script.commands.some((c) => removesDir(c, ['/var/lib/apt'], '/var/lib/apt'));
}

function cleanupFix(instruction: Instruction, script: ShellScript): Fix | undefined {
  if (instruction.heredocs.length > 0) {
    // Only a heredoc that is the script itself can take one more line.
    const end = scriptHeredoc(instruction)?.contentRange?.end;
    if (!end) return undefined;
    return fix('Delete the apt lists at the end of this RUN', insertAt(end.line, end.character, '\nrm -rf /var/lib/apt/lists/*'));
  }
  if (!instruction.argsRange || script.hasError || OPEN_END.test(script.text) || SHELL_COMMENT.test(script.text)) return undefined;
  const end = instruction.argsRange.end;
  return fix('Append && rm -rf /var/lib/apt/lists/* to this RUN', insertAt(end.line, end.character, CLEANUP));
}

export default defineRule(
  {
    id: 'DL3009',
    source: 'hadolint',
    severity: 'info',
    description: 'Delete the apt-get lists after installing something',
    rationale:
      '`apt-get update` downloads package indexes (tens of MB) into /var/lib/apt/lists. Unless the same RUN deletes them they are baked into the layer, making the image bigger and shipping stale indexes. Remove them in the RUN that created them, or use a BuildKit cache mount.',
    examples: {
      bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.*\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.* && rm -rf /var/lib/apt/lists/*\n',
    },
    docs: hadolintDocs('DL3009'),
    fixable: true,
    stages: { mode: 'inherits', note: 'only stages that end up in an image count: the last one and the stages it is built on, as hadolint' },
  },
  (ctx) => {
    const shipped = shippedStages(ctx.model);
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      // As hadolint: a build-only stage is thrown away, but ONBUILD steps always end up in some image.
      if (!instruction.onbuildParent && instruction.stage && !shipped.has(instruction.stage)) continue;
      if (listsCached(instruction)) continue;
      const script = ctx.shell(instruction);
      if (!script || cleansLists(script)) continue;
      // `apt update` and `aptitude update` fill the same lists (as hadolint main).
      const update = script.commands.find((c) => APT_TOOLS.includes(c.name) && subcommand(c, APT_GET_VALUED) === 'update');
      if (!update) continue;
      const cleanup = cleanupFix(instruction, script);
      ctx.report({
        range: update.range,
        message:
          'Delete the apt-get lists after installing something: add `rm -rf /var/lib/apt/lists/*` at the end of this RUN so the package indexes stay out of the layer',
        fixes: cleanup ? [cleanup] : [],
      });
    }
  },
);
