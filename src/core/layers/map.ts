// The image's history mapped onto the Dockerfile it was built from: the final stage's chain of stages
// (FROM an earlier stage puts that stage's instructions in the image too), matched from the end, each
// instruction against one history entry; what is left below them is the base image's. Non-empty entries
// take the image's layers in order.
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { entryMatches, mayHaveNoEntry, parseCreatedBy } from './created-by';
import { MappingError, type BaseCost, type HistoryEntry, type ImageAnalysis, type InstructionCost, type LayerMap } from './types';

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const HINT = 'Rebuild the image from this Dockerfile, or choose the image that was built from it.';

/** The final stage and the stages it builds on, root first. */
export function finalChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  for (let stage: Stage | undefined = model.stages[model.stages.length - 1]; stage; stage = stage.parent) chain.unshift(stage);
  return chain;
}

/** The chain's instructions that write history, in order: every one but the FROMs. */
export function chainInstructions(chain: readonly Stage[]): Instruction[] {
  return chain.flatMap((stage) => stage.instructions.filter((i) => i.keyword !== 'FROM'));
}

/** The SHELL in effect at each instruction (a SHELL instruction carries over into stages built on its stage). */
function shellsOf(instructions: readonly Instruction[]): (readonly string[])[] {
  let shell: readonly string[] = DEFAULT_SHELL;
  return instructions.map((instruction) => {
    const now = shell;
    if (instruction.keyword === 'SHELL' && instruction.json && instruction.json.length > 0) shell = instruction.json;
    return now;
  });
}

const position = (i: Instruction) => `${i.range.start.line + 1}:${i.range.start.character + 1}`;
const oneLine = (text: string, max = 100) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
export const instructionText = (i: Instruction) => oneLine(`${i.keyword} ${i.argsText}`, Number.MAX_SAFE_INTEGER);

function mismatch(instruction: Instruction, entry: HistoryEntry | undefined, entryIndex: number): MappingError {
  const found = entry ? `history entry ${entryIndex + 1} is \`${oneLine(entry.createdBy)}\`` : 'the image has no history entry left for it';
  return new MappingError(`${position(instruction)}: \`${oneLine(instructionText(instruction))}\` does not match the image: ${found}.`, HINT);
}

type Pairing = (number | null)[];

/** Each chain instruction's history entry (null: none, an ONBUILD BuildKit did not record), matched from the end. */
function pairFromTheEnd(model: DockerfileModel, instructions: readonly Instruction[], history: readonly HistoryEntry[]): { pairing: Pairing; baseEntries: number } {
  const shells = shellsOf(instructions);
  const pairing: Pairing = instructions.map(() => null);
  const matches = (j: number, i: number) => {
    const entry = history[j];
    return entry !== undefined && entryMatches(parseCreatedBy(entry), instructions[i]!, { shell: shells[i]!, lines: model.lines });
  };
  let j = history.length - 1;
  // `docker build --label` makes the legacy builder append a LABEL entry per label that no instruction wrote.
  const appendedLabel = (k: number) => {
    const entry = history[k] && parseCreatedBy(history[k]!);
    return entry?.builder === 'legacy' && entry.keyword === 'LABEL' && !matches(k, instructions.length - 1);
  };
  while (j >= 0 && appendedLabel(j)) j--;
  for (let i = instructions.length - 1; i >= 0; i--) {
    const instruction = instructions[i]!;
    const entry = history[j];
    if (matches(j, i)) pairing[i] = j--;
    else if (!mayHaveNoEntry(instruction)) throw mismatch(instruction, entry, j);
  }
  return { pairing, baseEntries: j + 1 };
}

export function mapHistory(model: DockerfileModel, analysis: Pick<ImageAnalysis, 'id' | 'history' | 'layers' | 'size'>): LayerMap {
  const chain = finalChain(model);
  const root = chain[0];
  if (!root) throw new MappingError('The Dockerfile has no FROM instruction, so no image can have been built from it.', 'Open the Dockerfile the image was built from.');
  const { history, layers } = analysis;
  const withLayers = history.filter((h) => !h.emptyLayer).length;
  if (withLayers !== layers.length) {
    throw new MappingError(
      `The image ${analysis.id} has ${withLayers} history entries that made a layer but ${layers.length} layers: its history cannot be matched to layers.`,
      'The image was probably squashed or rewritten after the build; rebuild it from the Dockerfile.',
    );
  }
  const instructions = chainInstructions(chain);
  const { pairing, baseEntries } = pairFromTheEnd(model, instructions, history);
  // The layer each entry made: non-empty entries count up from the bottom.
  const layerOf: (number | null)[] = [];
  let next = 0;
  for (const entry of history) layerOf.push(entry.emptyLayer ? null : next++);
  const baseLayers = layerOf.slice(0, baseEntries).filter((l) => l !== null).length;
  if (root.image?.raw.toLowerCase() === 'scratch' && baseEntries > 0) {
    throw new MappingError(
      `${position(root.from)}: \`FROM scratch\` has no history of its own, but the image has ${baseEntries} entries below the Dockerfile's instructions (the first is \`${oneLine(history[0]!.createdBy)}\`).`,
      HINT,
    );
  }
  const base: BaseCost = {
    line: root.from.range.start.line,
    size: layers.slice(0, baseLayers).reduce((sum, l) => sum + l.size, 0),
    layers: baseLayers,
    entries: baseEntries,
  };
  const costs: InstructionCost[] = instructions.map((instruction, i) => {
    const entry = pairing[i];
    const layer = entry === null || entry === undefined ? null : layerOf[entry]!;
    const measured = layer === null ? undefined : layers[layer];
    const size = measured?.size ?? 0;
    return {
      line: instruction.range.start.line,
      text: instructionText(instruction),
      keyword: instruction.keyword,
      layer,
      size,
      share: analysis.size > 0 ? size / analysis.size : 0,
      wastedBytes: measured?.wastedBytes ?? 0,
      removesBytes: measured?.removesBytes ?? 0,
    };
  });
  const inChain = new Set(chain);
  const notInFinalImage = model.stages.filter((s) => !inChain.has(s)).flatMap((s) => s.instructions.map((i) => i.range.start.line));
  return { imageId: analysis.id, base, instructions: costs, notInFinalImage };
}
