// Which Dockerfile instruction a builder's progress names. The legacy builder numbers every instruction
// (`Step 4/7 : RUN …`: global ARGs, each FROM and every command of every stage, in file order). BuildKit
// names a vertex `[stage k/n] RUN …` and counts, per stage, its FROM (unless it is `scratch` or an earlier
// stage) and each ADD, COPY, RUN and WORKDIR (moby/buildkit dockerfile2llb: cmdTotal); the stage is its
// `AS` name, or `stage-<index>` for an unnamed stage of a multi-stage file, and absent for a single stage.
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';

export interface StepName {
  index: number;
  total: number;
  /** The instruction as the builder printed it (`RUN echo hi`). */
  text: string;
  /** The stage's name in brackets, if any. */
  stage: string | null;
}

const LEGACY_STEP = /^Step (\d+)\/(\d+) : (.*)$/s;
const BUILDKIT_STEP = /^\[(?:(.*) )?(\d+)\/(\d+)\] (.*)$/s;
const BUILDKIT_COUNTED = new Set(['ADD', 'COPY', 'RUN', 'WORKDIR']);

/** `Step 2/5 : RUN …` → its numbers and text; null for any other line. */
export function parseLegacyStep(line: string): StepName | null {
  const m = LEGACY_STEP.exec(line);
  return m ? { index: Number(m[1]), total: Number(m[2]), text: m[3]!, stage: null } : null;
}

/** `[builder 2/3] RUN …` → its numbers, stage and text; null for `[internal] …` and other vertexes. */
export function parseBuildkitStep(name: string): StepName | null {
  const m = BUILDKIT_STEP.exec(name);
  if (!m) return null;
  // A platform may come first (`[linux/amd64 builder 2/3]`): the stage is the last word.
  const words = (m[1] ?? '').trim().split(/\s+/).filter(Boolean);
  return { index: Number(m[2]), total: Number(m[3]), text: m[4]!, stage: words.length ? words[words.length - 1]! : null };
}

/** The instruction of legacy step N (1-based, counted as the legacy builder counts). */
export function legacyStepInstruction(model: DockerfileModel, index: number): Instruction | undefined {
  return model.instructions[index - 1];
}

function stageOf(model: DockerfileModel, name: string | null, target: string | undefined): Stage | undefined {
  if (name === null) {
    if (target) return model.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
    return model.stages[model.stages.length - 1];
  }
  const lower = name.toLowerCase();
  return model.stages.find((s) => s.name?.toLowerCase() === lower) ?? model.stages.find((s) => !s.name && `stage-${s.index}` === lower);
}

/** The instructions BuildKit counts in a stage, in order. */
function buildkitCounted(stage: Stage): Instruction[] {
  const fromCounts = stage.parent === undefined && stage.image?.raw.toLowerCase() !== 'scratch';
  return stage.instructions.filter((i) => (i.keyword === 'FROM' ? fromCounts : BUILDKIT_COUNTED.has(i.keyword)));
}

/** The instruction a BuildKit step names; undefined when it cannot be told (an `[internal]` vertex, a stage not in this file). */
export function buildkitStepInstruction(model: DockerfileModel, step: StepName, target?: string): Instruction | undefined {
  const stage = stageOf(model, step.stage, target);
  return stage ? buildkitCounted(stage)[step.index - 1] : undefined;
}

/** The 0-based line of a Dockerfile parse error in a daemon's message (`Dockerfile parse error line 3: …`), or null. */
export function parseErrorLine(message: string): number | null {
  const m = /dockerfile parse error (?:on )?line (\d+)/i.exec(message);
  return m ? Number(m[1]) - 1 : null;
}
