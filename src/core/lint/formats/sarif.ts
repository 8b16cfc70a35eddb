import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../types';
import { Formatter, oneBased } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

const SRCROOT = '%SRCROOT%';
const encode = (relative: string) => relative.split(/[\\/]/).map(encodeURIComponent).join('/');

/**
 * Where a file is, as code-scanning tools resolve it: relative to the current folder (%SRCROOT%)
 * when it is inside it, however it was typed; an absolute file: URI when it is outside.
 */
function artifactLocation(file: string, absolute: string | undefined, cwd: string | undefined): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  if (!absolute || !cwd) return { uri: encode(file) };
  const relative = path.relative(cwd, absolute);
  if (relative && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)) return { uri: encode(relative), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(absolute).href };
}

/** SARIF 2.1.0: one run, the rules that fired in tool.driver.rules, fixes as replacements. */
export const sarif: Formatter = ({ results, meta, toolVersion, cwd }) => {
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
        ...(cwd ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } } } : {}),
        results: results.flatMap(({ file, path: absolute, findings }) =>
          findings.map((f) => {
            const p = oneBased(f);
            const artifact = artifactLocation(file, absolute, cwd);
            const region = { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
            return {
              ruleId: f.code,
              ruleIndex: index.get(f.code),
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: artifact, region } }],
              ...(f.related?.length
                ? {
                    relatedLocations: f.related.map((r, id) => ({
                      id,
                      physicalLocation: { artifactLocation: artifact, region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1, endLine: r.range.end.line + 1, endColumn: r.range.end.character + 1 } },
                      message: { text: r.message },
                    })),
                  }
                : {}),
              ...(f.fixes.length
                ? {
                    fixes: f.fixes.map((fix) => ({
                      description: { text: fix.title },
                      artifactChanges: [
                        {
                          artifactLocation: artifact,
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
