// Reads a reference implementation's files where they are: a bare git directory (as under /work/.mirror,
// read at HEAD with `git show`, no work tree needed) or an ordinary checkout folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Reference {
  /** What was read, for the report: the folder and, for a git directory, the commit. */
  readonly label: string;
  read(file: string): string;
  /** Files below a folder of the reference, relative to its root. */
  list(folder: string): string[];
}

function isBareGitDir(root: string): boolean {
  return fs.existsSync(path.join(root, 'HEAD')) && fs.existsSync(path.join(root, 'objects'));
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function listFolder(root: string, folder: string): string[] {
  const full = path.join(root, folder);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    return entry.isDirectory() ? listFolder(root, relative) : [relative];
  });
}

export function openReference(root: string): Reference {
  if (!fs.existsSync(root)) throw new Error(`${root}: no such folder (give a checkout or a git directory of the reference)`);
  if (isBareGitDir(root)) {
    const commit = git(root, ['rev-parse', 'HEAD']).trim();
    return {
      label: `${root} at ${commit.slice(0, 12)}`,
      read: (file) => git(root, ['show', `HEAD:${file}`]),
      list: (folder) => git(root, ['ls-tree', '-r', '--name-only', 'HEAD', folder]).split('\n').filter(Boolean),
    };
  }
  return {
    label: root,
    read: (file) => fs.readFileSync(path.join(root, file), 'utf8'),
    list: (folder) => listFolder(root, folder),
  };
}
