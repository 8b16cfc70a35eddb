import type { Instruction, Stage } from '../../dockerfile/model';
import type { ShellScript } from '../../dockerfile/shell';
import { subcommand } from '../../dockerfile/shell';
import type { Fix } from '../types';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

/** apt-get options that take a value (so `apt-get -o X update` still finds `update`). */
const VALUED = ['o', 'option', 'c', 'config-file', 't', 'target-release', 'default-release', 'a', 'host-architecture'];
const CLEANUP = ' && rm -rf /var/lib/apt/lists/*';
/** Script endings after which `&& rm …` cannot simply be appended. */
const OPEN_END = /[;&|\\]\s*$/;
const SHELL_COMMENT = /(^|\s)#/;
const HEREDOC_SCRIPT = /^<<-?["']?\w/;

/** Targets of `--mount=type=cache,target=…` on a RUN. */
function cacheTargets(instruction: Instruction): string[] {
  const out: string[] = [];
  for (const flag of instruction.flags) {
    if (flag.name.toLowerCase() !== 'mount' || !flag.value) continue;
    let isCache = false;
    let target: string | undefined;
    for (const part of flag.value.split(',')) {
      const [key = '', value = ''] = part.split('=', 2).map((s) => s.trim().replace(/^["']|["']$/g, ''));
      if (key === 'type') isCache = value === 'cache';
      else if (key === 'target' || key === 'dst' || key === 'destination') target = value;
    }
    if (isCache && target) out.push(target.replace(/\/+$/, ''));
  }
  return out;
}

/** A cache mount keeps the lists out of the image (hadolint: the lists dir, or both apt dirs). */
function listsCached(instruction: Instruction): boolean {
  const targets = cacheTargets(instruction);
  const under = (dir: string) => targets.some((t) => t === dir || t.startsWith(dir + '/'));
  return under('/var/lib/apt/lists') || (under('/var/lib/apt') && under('/var/cache/apt'));
}

function cleansLists(script: ShellScript): boolean {
  return script.commands.some((c) => c.name === 'rm' && c.args.some((a) => a.value.startsWith('/var/lib/apt')));
}

/** Stages whose filesystem ends up in an image: the last one and any used as a base by another FROM. */
function shippedStages(stages: Stage[]): Set<Stage> {
  const usedAsBase = new Set(stages.map((s) => s.image?.raw.toLowerCase()).filter((n): n is string => !!n));
  const out = new Set<Stage>();
  const last = stages[stages.length - 1];
  if (last) out.add(last);
  for (const stage of stages) if (stage.name && usedAsBase.has(stage.name.toLowerCase())) out.add(stage);
  return out;
}

function cleanupFix(instruction: Instruction, script: ShellScript): Fix | undefined {
  const first = instruction.args[0]?.value ?? '';
  if (instruction.heredocs.length > 0) {
    const doc = instruction.heredocs[0]!;
    if (!HEREDOC_SCRIPT.test(first) || instruction.heredocs.length !== 1 || !doc.contentRange) return undefined;
    const end = doc.contentRange.end;
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
  },
  (ctx) => {
    const shipped = shippedStages(ctx.model.stages);
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      // As hadolint: a build-only stage is thrown away, but ONBUILD steps always end up in some image.
      if (!instruction.onbuildParent && instruction.stage && !shipped.has(instruction.stage)) continue;
      if (listsCached(instruction)) continue;
      const script = ctx.shell(instruction);
      if (!script || cleansLists(script)) continue;
      // `apt update` fills the same lists (hadolint only looks at apt-get).
      const update = script.commands.find((c) => (c.name === 'apt-get' || c.name === 'apt') && subcommand(c, VALUED) === 'update');
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
