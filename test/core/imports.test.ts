// The import graph of src/: no file reaches itself through its imports (type-only ones included), and
// src/core stays pure (no vscode, no dockerode, nothing from the layers above it). Read with the
// TypeScript compiler's parser, so comments and strings that look like imports do not count.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');

/** What src/core may not import: the packages and the folders of the layers above it. */
const CORE_FORBIDDEN_PACKAGES = ['vscode', 'dockerode'];
const CORE_FORBIDDEN_FOLDERS = ['docker', 'cli', 'extension', 'process'].map((f) => path.join(SRC, f));

interface Import {
  specifier: string;
  /** 1-based line of the import in its file. */
  line: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module a file names: import and export-from declarations, `import x = require()`, `import()` and `require()` calls. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined) => {
    if (specifier && ts.isStringLiteralLike(specifier)) out.push({ specifier: specifier.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node, node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The file a relative specifier names (`./x` → x.ts or x/index.ts); undefined for a package or a file outside src. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((f) => f.startsWith(SRC) && fs.existsSync(f) && fs.statSync(f).isFile());
}

const rel = (file: string) => path.relative(ROOT, file);

/**
 * The cycles of a graph, one per group of files that all reach each other: the group (sorted), and the shortest
 * way from its first file back to itself (that file repeated at the end).
 */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): { group: string[]; cycle: string[] }[] {
  // Tarjan's strongly connected components; a group of two or more files (or a file importing itself) holds a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return groups.map((members) => ({ group: [...members].sort(), cycle: shortestCycle(graph, new Set(members)) }));
}

/** The shortest way from the first member (by name) back to itself, through members only. */
function shortestCycle(graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>): string[] {
  const start = [...members].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    const v = queue[k]!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const way = [v];
        while (way[0] !== start) way.unshift(previous.get(way[0]!)!);
        return [...way, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Each import of a src/core file that reaches vscode, dockerode or src/{docker,cli,extension,process}, as `file:line imports 'x'`. */
function coreViolations(imports: ReadonlyMap<string, readonly Import[]>): string[] {
  const wrong: string[] = [];
  for (const [file, list] of imports) {
    if (!file.startsWith(path.join(SRC, 'core') + path.sep)) continue;
    for (const { specifier, line } of list) {
      const forbidden = specifier.startsWith('.')
        ? CORE_FORBIDDEN_FOLDERS.some((folder) => {
            const target = path.resolve(path.dirname(file), specifier);
            return target === folder || target.startsWith(folder + path.sep);
          })
        : CORE_FORBIDDEN_PACKAGES.includes(specifier.split('/')[0]!);
      if (forbidden) wrong.push(`${rel(file)}:${line} imports '${specifier}'`);
    }
  }
  return wrong;
}

describe('src import graph', () => {
  const files = sourceFiles(SRC).sort();
  const imports = new Map(files.map((f) => [f, importsOf(f)] as const));

  it('reads the imports of every file under src', () => {
    assert.ok(files.length > 50, `only ${files.length} files found under ${SRC}`);
    const model = imports.get(path.join(SRC, 'core', 'lint', 'engine.ts')) ?? [];
    assert.ok(model.some((i) => i.specifier === '../dockerfile/model'), 'engine.ts imports the Dockerfile model');
  });

  it('finds a cycle and names the files along it', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e']]]);
    const graph2 = new Map([...graph, ['d', ['f']], ['f', ['c']]]);
    assert.deepEqual(cyclesOf(graph), [{ group: ['a', 'b', 'c'], cycle: ['a', 'b', 'c', 'a'] }, { group: ['e'], cycle: ['e', 'e'] }]);
    assert.deepEqual(cyclesOf(graph2)[0], { group: ['a', 'b', 'c', 'd', 'f'], cycle: ['a', 'b', 'c', 'a'] });
    assert.deepEqual(cyclesOf(new Map([['a', ['b']], ['b', []]])), []);
  });

  it('has no circular imports (type-only imports count: they tie the modules together all the same)', () => {
    const graph = new Map(files.map((f) => [f, [...new Set(imports.get(f)!.map((i) => resolve(f, i.specifier)).filter((t): t is string => !!t))]] as const));
    const cycles = cyclesOf(graph).map(({ group, cycle }) => {
      const others = group.filter((f) => !cycle.includes(f));
      return cycle.map(rel).join(' -> ') + (others.length ? ` (and through ${others.map(rel).join(', ')})` : '');
    });
    assert.deepEqual(cycles, [], `circular imports:\n  ${cycles.join('\n  ')}`);
  });

  it('keeps src/core free of vscode, dockerode and the layers above it', () => {
    const wrong = coreViolations(imports);
    assert.deepEqual(wrong, [], `src/core must not import vscode, dockerode or src/{docker,cli,extension,process}:\n  ${wrong.join('\n  ')}`);
  });

  it('names a core file that imports vscode, dockerode or an upper layer, and only those', () => {
    const core = path.join(SRC, 'core', 'lint', 'x.ts');
    const fake = new Map([
      [core, ['vscode', 'dockerode', '../../docker/client', '../../extension/context', '../dockerfile/model', 'yaml'].map((specifier, k) => ({ specifier, line: k + 1 }))],
      [path.join(SRC, 'docker', 'y.ts'), [{ specifier: 'dockerode', line: 1 }]],
    ]);
    assert.deepEqual(coreViolations(fake), [
      "src/core/lint/x.ts:1 imports 'vscode'",
      "src/core/lint/x.ts:2 imports 'dockerode'",
      "src/core/lint/x.ts:3 imports '../../docker/client'",
      "src/core/lint/x.ts:4 imports '../../extension/context'",
    ]);
  });
});
