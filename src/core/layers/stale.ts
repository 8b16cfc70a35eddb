// Which lines of the Dockerfile changed since the image was built: the final chain's instructions as they
// were (the build record's text) aligned with the current ones by a longest common subsequence of their
// normalized text, so that an edit elsewhere moves each size with its line and an edited instruction is
// "changed since the build".
import { parseDockerfile, type DockerfileModel, type Instruction } from '../dockerfile/model';
import { finalChain, instructionText } from './map';

export interface StaleLines {
  /** Current 0-based first lines of the final chain's instructions that are not as they were at the build. */
  changed: Set<number>;
  /** Where an instruction that began on this line at the build (0-based) begins now; null when it changed or went. */
  lineOf(recordedLine: number): number | null;
}

/** The final chain's instructions, FROMs included (an edited FROM means another base). */
function chainOf(model: DockerfileModel): Instruction[] {
  return finalChain(model).flatMap((stage) => stage.instructions);
}

/** Index pairs [recorded, current] of a longest common subsequence. */
function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export function staleLines(recordedText: string, current: DockerfileModel): StaleLines {
  const recorded = chainOf(parseDockerfile(recordedText));
  const now = chainOf(current);
  const pairs = commonSubsequence(recorded.map(instructionText), now.map(instructionText));
  const moved = new Map(pairs.map(([r, c]) => [recorded[r]!.range.start.line, now[c]!.range.start.line]));
  const kept = new Set(pairs.map(([, c]) => c));
  const changed = new Set(now.filter((_, c) => !kept.has(c)).map((i) => i.range.start.line));
  return { changed, lineOf: (line) => moved.get(line) ?? null };
}
