import { copyOperands } from '../../dockerfile/copy';
import { trimQuotes } from '../../dockerfile/quotes';
import type { Fix } from '../types';
import { defineInstructionRule, fix, hadolintDocs, replace } from '../define';

/** What ADD extracts (hadolint's list: .zip is not extracted, so it is a plain file). */
const ARCHIVE = /\.(tar|gz|bz2|xz|tgz|tb2|tbz|tbz2|lz|lzma|tlz|txz|Z|tZ)$/;
/** URLs and git repositories that only ADD can fetch. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** Options COPY does not have: with them ADD cannot simply become COPY. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineInstructionRule(
  {
    id: 'DL3020',
    source: 'hadolint',
    severity: 'error',
    description: 'Use COPY instead of ADD for files and folders',
    rationale:
      'ADD also downloads URLs and unpacks local archives, so an ADD of a plain file makes readers wonder which of those it does, and a later rename to `.tar` silently changes its behaviour. COPY does only the copy; keep ADD for URLs and archives.',
    examples: { bad: 'FROM nginx:1.27\nADD nginx.conf /etc/nginx/nginx.conf\n', good: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n' },
    docs: hadolintDocs('DL3020'),
    fixable: true,
  },
  'ADD',
  (instruction, ctx) => {
    // Heredoc sources are inline files; text that only looks like JSON is not worth guessing at.
    if (instruction.heredocs.length > 0 || (instruction.looksLikeJson && !instruction.json)) return;
    const operands = copyOperands(instruction);
    if (operands.length < 2) return;
    const sources = operands.slice(0, -1).map((o) => (o.exec ? o.value : trimQuotes(o.value)));
    // A source that starts with a variable may well be a URL: it cannot be judged.
    if (sources.some((s) => s.startsWith('$'))) return;
    const local = sources.filter((s) => !REMOTE.test(s) && !ARCHIVE.test(s));
    if (local.length === 0) return;
    const fixes: Fix[] = [];
    // Only when nothing ADD-specific is in play does COPY do exactly the same.
    if (local.length === sources.length && !instruction.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase()))) {
      const copy = instruction.keywordText === instruction.keywordText.toLowerCase() ? 'copy' : 'COPY';
      fixes.push(fix('Replace ADD with COPY', replace(instruction.keywordRange, copy)));
    }
    ctx.report({
      range: instruction.keywordRange,
      message: `Use COPY instead of ADD for files and folders: \`${local[0]}\` is a local file or folder, which COPY copies without ADD's extra behaviour`,
      fixes,
    });
  },
);
