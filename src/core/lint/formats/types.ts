import type { Finding, RuleMeta } from '../types';

/** The findings of one file, as the CLI collects them. */
export interface FileResult {
  /** The path as the user gave it (or `-` for standard input). */
  file: string;
  /** The absolute path, for formats that locate files whatever the spelling (SARIF); absent for standard input. */
  path?: string;
  findings: Finding[];
}

export interface FormatInput {
  results: FileResult[];
  meta(id: string): RuleMeta | undefined;
  toolVersion: string;
  /** Colour for terminals. */
  color?: boolean;
  /** The folder relative paths start from (SARIF's %SRCROOT%). */
  cwd?: string;
}

export type Formatter = (input: FormatInput) => string;

/** 1-based positions, as every output format and the JSON schema use them. */
export function oneBased(f: Finding) {
  return { line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 };
}
