// The build context as CopyIgnoredFile needs it: which COPY/ADD sources .dockerignore excludes.
// Matching is @balena/dockerignore's (Docker's own rules, including `!` exceptions and `**`).
import ignore from '@balena/dockerignore';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildContextInfo } from './types';

/** BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile first, then `.dockerignore` at the context root. */
export function findDockerignore(dockerfilePath: string, contextDir: string): string | undefined {
  const candidates = [`${dockerfilePath}.dockerignore`, path.join(contextDir, '.dockerignore')];
  return candidates.find((c) => fs.existsSync(c));
}

export function buildContextFromDockerignore(text: string, dockerignorePath: string): BuildContextInfo {
  const matcher = ignore().add(text.split(/\r?\n/));
  return {
    dockerignorePath,
    isIgnored(source: string) {
      // Sources are relative to the context root whatever their leading ./ or /.
      const normalized = path.posix.normalize(source.replace(/\\/g, '/')).replace(/^(\.\/|\/)+/, '').replace(/\/$/, '');
      if (normalized === '' || normalized === '.' || normalized.startsWith('../')) return false;
      return matcher.ignores(normalized);
    },
  };
}

export function loadBuildContext(dockerfilePath: string, contextDir = path.dirname(dockerfilePath)): BuildContextInfo | undefined {
  const file = findDockerignore(dockerfilePath, contextDir);
  return file ? buildContextFromDockerignore(fs.readFileSync(file, 'utf8'), file) : undefined;
}
