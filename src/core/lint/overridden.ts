// CMD, ENTRYPOINT and HEALTHCHECK take effect once per stage: each one a later one of the same kind overrides.
// BuildKit's MultipleInstructionsDisallowed points at the overridden one; hadolint's DL4003/DL4004/DL3012 at the later.
// Shipshape reports once, on BuildKit's line, with the later instruction as related information; the comments
// above either silence it (the later is where both tools' comments work, the earlier is where the diagnostic is).
import { rangeOf, type Instruction } from '../dockerfile/model';
import { fix, replace } from './define';
import type { RuleContext, StageInheritance } from './types';

export const OVERRIDDEN_STAGES: StageInheritance = {
  mode: 'per-stage',
  note: 'counted per stage: an instruction in a stage it is built on is not overridden (as both hadolint and BuildKit), and ONBUILD triggers do not count',
};

/** Each overridden `keyword` of each stage (top-level only: ONBUILD ones belong to child images) and the one after it. */
export function reportOverridden(ctx: RuleContext, keyword: string, hadolintCode: string, fixable: boolean): void {
  for (const stage of ctx.model.stages) {
    const all: Instruction[] = stage.instructions.filter((i) => i.keyword === keyword);
    for (let k = 1; k < all.length; k++) {
      const earlier = all[k - 1]!;
      const later = all[k]!;
      const line = later.range.start.line + 1;
      ctx.report({
        range: earlier.keywordRange,
        message: `This ${keyword} has no effect: the ${keyword} on line ${line} overrides it (only the last one in a stage is used)`,
        related: [{ range: later.keywordRange, message: `the ${keyword} that takes effect (hadolint reports ${hadolintCode} on this line)` }],
        ...(fixable ? { fixes: [fix(`Remove this ${keyword}`, replace(rangeOf(earlier.range.start.line, 0, earlier.range.end.line + 1, 0), ''))] } : {}),
      });
    }
  }
}
