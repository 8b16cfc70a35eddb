import { trimQuotes, unquotedBlank } from '../../dockerfile/quotes';
import { defineInstructionRule, hadolintDocs } from '../define';

export default defineInstructionRule(
  {
    id: 'DL3000',
    aliases: ['WorkdirRelativePath'],
    source: 'hadolint',
    severity: 'error',
    description: 'Use absolute WORKDIR',
    rationale:
      'A relative WORKDIR is resolved against the previous working directory, which depends on the base image and on every WORKDIR before it. An absolute path says where files land and survives a change of base image.',
    examples: { bad: 'FROM busybox\nWORKDIR app\n', good: 'FROM busybox\nWORKDIR /app\n' },
    docs: hadolintDocs('DL3000'),
    fixable: false,
  },
  'WORKDIR',
  (instruction, ctx) => {
    const path = instruction.args[0];
    if (!path) return;
    // As hadolint main, the path as written: backslashes kept, so `"C:\\app"` is still a Windows path.
    const text = instruction.argsText.trimStart();
    const value = trimQuotes(text.slice(0, unquotedBlank(text, ctx.model.escapeChar)));
    // Variables may expand to absolute paths; a drive letter (`C:`, `C:\`, `C:/`) or a leading backslash is absolute on Windows.
    if (value.startsWith('/') || value.startsWith('$') || /^[A-Za-z]:/.test(value) || value.startsWith('\\')) return;
    ctx.report({ range: path.range, message: `Use absolute WORKDIR: "${value}" is relative to the previous working directory` });
  },
);
