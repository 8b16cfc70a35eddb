import { copyOperands } from '../../dockerfile/copy';
import type { DockerfileModel, Instruction, Range } from '../../dockerfile/model';
import { trimQuotes } from '../../dockerfile/quotes';
import { defineRule, hadolintDocs } from '../define';

/** As hadolint main, a drive letter and a colon (`C:`, `C:\\app`, `D:/x`) start a Windows absolute path. */
const WINDOWS_ABSOLUTE = /^[A-Za-z]:/;

/** The destination of a COPY as written (quotes removed) with its range, or null when there is none. */
function destination(model: DockerfileModel, copy: Instruction): { value: string; range: Range } | null {
  const operands = copyOperands(copy);
  const last = operands[operands.length - 1];
  if (!last || operands.length < 2) return null;
  if (last.exec) return { value: last.value, range: last.range };
  // The text as written: the parsed value drops backslashes, which Windows paths (`c:\dir`) are made of.
  const r = last.range;
  const raw = r.start.line === r.end.line ? (model.lines[r.start.line] ?? '').slice(r.start.character, r.end.character) : last.value;
  return { value: trimQuotes(raw), range: r };
}

/** Absolute (`/x`, `C:\x`, `C:/x`, `\x`) or computed (`$DIR`): only a relative literal depends on the working directory. */
function isRelative(dest: string): boolean {
  return !(dest.startsWith('/') || dest.startsWith('\\') || WINDOWS_ABSOLUTE.test(dest) || dest.startsWith('$'));
}

export default defineRule(
  {
    id: 'DL3045',
    source: 'hadolint',
    severity: 'warning',
    description: '`COPY` to a relative destination without `WORKDIR` set',
    rationale:
      'A relative COPY destination is resolved against the working directory, which, without a WORKDIR in the stage, is whatever the base image left behind (often `/`). Set WORKDIR first, or copy to an absolute path, so files land where you expect whatever the base image.',
    examples: {
      bad: 'FROM node:20-slim\nCOPY package.json .\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json .\n',
    },
    docs: hadolintDocs('DL3045'),
    fixable: false,
    stages: { mode: 'inherits', note: 'a WORKDIR set in the stage it is built on counts' },
  },
  (ctx) => {
    // Whether a WORKDIR was set by the end of each stage (by index), for stages built FROM it.
    const stageWorkdir: boolean[] = [];
    for (const stage of ctx.model.stages) {
      const inherited = (stage.parent && stageWorkdir[stage.parent.index]) ?? false;
      // ONBUILD triggers run in a child image, after every instruction of this stage.
      const anyWorkdir = stage.instructions.some((i) => i.keyword === 'WORKDIR');
      let workdir = inherited;
      let onbuildWorkdir = false;
      for (const instruction of stage.instructions) {
        const trigger = instruction.trigger;
        if (instruction.keyword === 'WORKDIR') workdir = true;
        if (trigger?.keyword === 'WORKDIR') onbuildWorkdir = true;
        const copy = instruction.keyword === 'COPY' ? instruction : trigger?.keyword === 'COPY' ? trigger : undefined;
        if (!copy) continue;
        const set = trigger ? inherited || anyWorkdir || onbuildWorkdir : workdir;
        const dest = destination(ctx.model, copy);
        if (set || !dest || !isRelative(dest.value)) continue;
        ctx.report({
          range: dest.range,
          message: `\`COPY\` to the relative destination \`${dest.value}\` without \`WORKDIR\` set: add a WORKDIR before it, or use an absolute path`,
        });
      }
      stageWorkdir[stage.index] = workdir || onbuildWorkdir;
    }
  },
);
