import { Formatter, oneBased } from './types';
import { xml } from './xml';

/** JUnit XML: a test suite per file, a failing test case per finding, one passing case for a clean file. */
export const junit: Formatter = ({ results }) => {
  const total = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="shipshape lint" tests="${total}" failures="${failures}">`];
  for (const { file, findings } of results) {
    lines.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, findings.length)}" failures="${findings.length}">`);
    if (findings.length === 0) lines.push(`    <testcase name="${xml(file)}" classname="${xml(file)}"/>`);
    for (const f of findings) {
      const p = oneBased(f);
      lines.push(`    <testcase name="${xml(`${f.code} ${file}:${p.line}:${p.column}`)}" classname="${xml(file)}">`);
      lines.push(`      <failure type="${xml(f.severity)}" message="${xml(f.message)}">${xml(`${file}:${p.line}:${p.column} ${f.code} ${f.message}`)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
};
