// DL3033 (yum) and DL3041 (dnf, microdnf) ask the same of an install: each package pinned to a version, each
// module to a stream. `pkg-${VERSION}` counts as pinned when VERSION is set by ENV or ARG in scope, so this reads
// the whole file (the stage and the stages it is built on), not one RUN.
import { commandsIn, instructionsOf } from './define';
import { namesSetBefore, unpinnedRpms } from './package-managers';
import type { RuleContext } from './types';

export function reportUnpinnedRpms(ctx: RuleContext, tools: readonly string[], valued: readonly string[], subcommands?: readonly string[]): void {
  for (const instruction of instructionsOf(ctx.model, 'RUN')) {
    const commands = commandsIn(ctx, instruction, ...tools);
    if (commands.length === 0) continue;
    const defined = namesSetBefore(ctx.model, instruction);
    for (const command of commands) {
      for (const { word, module } of unpinnedRpms(command, valued, defined, subcommands)) {
        const pkg = word.value;
        ctx.report({
          range: word.range,
          message: module
            ? `Specify the module stream in ${command.name} module install: instead of \`${pkg}\` use \`${pkg}:<stream>\``
            : `Specify version with ${command.name} install: instead of \`${pkg}\` use \`${pkg}-<version>\``,
        });
      }
    }
  }
}
