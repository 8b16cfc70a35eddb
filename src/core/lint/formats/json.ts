import { Formatter, oneBased } from './types';

/** One array of {file, line, column, endLine, endColumn, code, aliases, severity, message, fixable}, 1-based. */
export const json: Formatter = ({ results }) =>
  JSON.stringify(
    results.flatMap(({ file, findings }) =>
      findings.map((f) => ({ file, ...oneBased(f), code: f.code, aliases: f.aliases, severity: f.severity, message: f.message, fixable: f.fixes.length > 0 })),
    ),
    null,
    2,
  ) + '\n';
