import { createHash } from 'node:crypto';
import type { Severity } from '../types';
import { Formatter, oneBased } from './types';

const SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', info: 'minor', style: 'info' };

/** Code Climate issues (the JSON array GitLab's Code Quality report takes). */
export const codeclimate: Formatter = ({ results, meta }) =>
  JSON.stringify(
    results.flatMap(({ file, findings }) =>
      findings.map((f) => {
        const p = oneBased(f);
        const m = meta(f.code);
        return {
          type: 'issue',
          check_name: f.code,
          description: f.message,
          content: { body: m ? `${m.rationale}\n\nSee ${m.docs}` : f.message },
          categories: [f.severity === 'error' ? 'Bug Risk' : f.severity === 'style' ? 'Style' : 'Clarity'],
          location: { path: file, positions: { begin: { line: p.line, column: p.column }, end: { line: p.endLine, column: p.endColumn } } },
          severity: SEVERITY[f.severity],
          // Stable across runs while the finding stays on its line.
          fingerprint: createHash('md5').update(`${file}:${f.code}:${p.line}:${f.message}`).digest('hex'),
        };
      }),
    ),
    null,
    2,
  ) + '\n';
