import { Formatter, oneBased } from './types';
import { xml } from './xml';

/** Checkstyle XML, as Jenkins and many CI dashboards read it (style findings as info). */
export const checkstyle: Formatter = ({ results }) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const { file, findings } of results) {
    lines.push(`  <file name="${xml(file)}">`);
    for (const f of findings) {
      const p = oneBased(f);
      const severity = f.severity === 'style' ? 'info' : f.severity;
      lines.push(`    <error line="${p.line}" column="${p.column}" severity="${severity}" message="${xml(f.message)}" source="${xml(f.code)}"/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
};
