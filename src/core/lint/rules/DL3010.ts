import { writtenOperands } from '../../dockerfile/copy';
import { flagNamed } from '../../dockerfile/flags';
import type { Instruction, Range } from '../../dockerfile/model';
import { trimQuotes } from '../../dockerfile/quotes';
import type { ShellCommand } from '../../dockerfile/shell';
import { defineRule, hadolintDocs } from '../define';

/** hadolint's list of archive suffixes that ADD extracts. */
const ARCHIVE = /\.(tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz)$/;
const SHORT_EXTRACT = /^-[A-Za-z]*x/;
const OLD_STYLE_EXTRACT = /^[A-Za-z]*x[A-Za-z]*$/;
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

interface Copied {
  name: string;
  range: Range;
  reported: boolean;
}

function basename(path: string): string {
  const bare = trimQuotes(path);
  return bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\')) + 1);
}

/** The archives a COPY brings in, its paths read as hadolint main reads them (Windows backslashes kept). */
function archivesOf(copy: Instruction, escape: string): { name: string; range: Range }[] {
  if (copy.heredocs.length > 0 || (copy.looksLikeJson && !copy.json)) return [];
  const operands = writtenOperands(copy, escape);
  if (operands.length < 2) return [];
  const dest = operands[operands.length - 1]!;
  // `COPY app.tar.gz /opt/pkg.tar.gz` is extracted under the destination's name.
  if (ARCHIVE.test(basename(dest.value))) return [{ name: basename(dest.value), range: operands[0]!.range }];
  return operands
    .slice(0, -1)
    .filter((a) => ARCHIVE.test(basename(a.value)))
    .map((a) => ({ name: basename(a.value), range: a.range }));
}

function extracts(command: ShellCommand): boolean {
  if (UNPACKERS.has(command.name)) return true;
  if (command.name !== 'tar') return false;
  // `tar -xf`, `tar --extract`, and the old `tar xzf` without a dash.
  return command.args.some(
    (a, i) => a.value === '--extract' || a.value === '--get' || SHORT_EXTRACT.test(a.value) || (i === 0 && OLD_STYLE_EXTRACT.test(a.value)),
  );
}

export default defineRule(
  {
    id: 'DL3010',
    source: 'hadolint',
    severity: 'info',
    description: 'Use ADD for extracting archives into an image',
    rationale:
      'COPY of an archive followed by a RUN that extracts it keeps the archive in one layer and the extracted files in another, so the image carries both. ADD extracts a local tar archive as it copies it, in a single layer.',
    examples: {
      bad: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
      good: 'FROM debian:12\nADD app.tar.gz /opt/\n',
    },
    docs: hadolintDocs('DL3010'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const copied: Copied[] = [];
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'COPY') {
          // Files from another stage or image are not in the build context, ADD could not extract them.
          if (flagNamed(instruction, 'from')) continue;
          for (const a of archivesOf(instruction, ctx.model.escapeChar)) copied.push({ ...a, reported: false });
          continue;
        }
        if (instruction.keyword !== 'RUN' || copied.length === 0) continue;
        const script = ctx.shell(instruction);
        if (!script) continue;
        for (const command of script.commands) {
          if (!extracts(command)) continue;
          const names = new Set(command.args.filter((a) => !a.value.startsWith('-')).map((a) => basename(a.value)));
          for (const archive of copied) {
            if (archive.reported || !names.has(archive.name)) continue;
            archive.reported = true;
            ctx.report({
              range: archive.range,
              message: `Use ADD for extracting archives into an image: \`${archive.name}\` is copied here and extracted on line ${
                instruction.range.start.line + 1
              }; ADD would do both in one layer`,
            });
          }
        }
      }
    }
  },
);
