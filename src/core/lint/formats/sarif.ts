import type { Severity } from '../types';
import { Formatter, oneBased } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

function artifactUri(file: string): string {
  if (file === '-') return 'stdin';
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0: one run, the rules that fired in tool.driver.rules, fixes as replacements. */
export const sarif: Formatter = ({ results, meta, toolVersion }) => {
  const ruleIds = [...new Set(results.flatMap((r) => r.findings.map((f) => f.code)))].sort();
  const rules = ruleIds.map((id) => {
    const m = meta(id);
    return {
      id,
      name: id,
      shortDescription: { text: m?.description ?? id },
      fullDescription: { text: m?.rationale ?? m?.description ?? id },
      helpUri: m?.docs,
      defaultConfiguration: { level: LEVEL[m?.severity ?? 'warning'] },
      properties: { source: m?.source, aliases: m?.aliases ?? [], fixable: m?.fixable ?? false },
    };
  });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const out = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'shipshape', version: toolVersion, rules } },
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => {
            const p = oneBased(f);
            const uri = artifactUri(file);
            const region = { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
            return {
              ruleId: f.code,
              ruleIndex: index.get(f.code),
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: { uri }, region } }],
              ...(f.fixes.length
                ? {
                    fixes: f.fixes.map((fix) => ({
                      description: { text: fix.title },
                      artifactChanges: [
                        {
                          artifactLocation: { uri },
                          replacements: fix.edits.map((e) => ({
                            deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
                            insertedContent: { text: e.newText },
                          })),
                        },
                      ],
                    })),
                  }
                : {}),
            };
          }),
        ),
      },
    ],
  };
  return JSON.stringify(out, null, 2) + '\n';
};
