// The build context as CopyIgnoredFile needs it: which COPY/ADD sources .dockerignore excludes.
// Matching is @balena/dockerignore's (Docker's own rules, including `!` exceptions and `**`). Which file
// applies, and reading it, is the lint setup's (setup.ts).
import ignore from '@balena/dockerignore';
import path from 'node:path';
import type { BuildContextInfo } from './types';

/**
 * The .dockerignore that applies to a build, as BuildKit and the Docker CLI choose it: `<Dockerfile>.dockerignore`
 * beside the Dockerfile first, then `.dockerignore` at the context root; undefined when neither exists.
 */
export function findDockerignore(dockerfile: string, contextDir: string, exists: (file: string) => boolean): string | undefined {
  return [`${dockerfile}.dockerignore`, path.join(contextDir, '.dockerignore')].find(exists);
}

export function buildContextFromDockerignore(text: string, dockerignorePath: string): BuildContextInfo {
  const lines = text.split(/\r?\n/);
  const matcher = ignore().add(lines);
  const patterns = lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return {
    dockerignorePath,
    hasExceptions: patterns.some((p) => p.startsWith('!')),
    excludesRoot: patterns.some((p) => ['*', '**', '**/*'].includes(p.replace(/^\/+/, ''))),
    isIgnored(source: string) {
      // Sources are relative to the context root whatever their leading ./ or /.
      const normalized = path.posix.normalize(source.replace(/\\/g, '/')).replace(/^(\.\/|\/)+/, '').replace(/\/$/, '');
      if (normalized === '' || normalized === '.' || normalized.startsWith('../')) return false;
      return matcher.ignores(normalized);
    },
  };
}
