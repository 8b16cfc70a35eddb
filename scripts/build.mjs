// Bundles the extension and the CLI with esbuild, and dockerode apart for both. Only `vscode` is
// external; any .wasm a dependency needs is copied beside the bundles. `--production` minifies, `--watch` rebuilds.
// It also writes dist/shipshape-pack.schema.json (the lab pack manifest's JSON Schema, from the registered check
// kinds), which package.json contributes through yamlValidation; `--schema-only` writes just that.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const schemaOnly = process.argv.includes('--schema-only');
const PACK_SCHEMA_FILE = 'dist/shipshape-pack.schema.json';
// tree-sitter's runtime and the bash grammar, loaded by src/core/dockerfile/shell.ts from beside the bundle.
const wasmFiles = [
  path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'),
  require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'),
];

// ssh2 (under dockerode) tries optional native add-ons inside try/catch; bundling turns them
// into a require that throws, so ssh2 falls back to its pure-JS crypto as it does when unbuilt.
const optionalNative = {
  name: 'optional-native',
  setup(build) {
    build.onResolve({ filter: /(\.node$)|(^cpu-features$)/ }, (args) => ({ path: args.path, namespace: 'optional-native' }));
    build.onLoad({ filter: /.*/, namespace: 'optional-native' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`optional native module not bundled: ${args.path}`)});`,
      loader: 'js',
    }));
  },
};

// dockerode (with ssh2, grpc-js, protobufjs: half of a bundle) gets a bundle of its own, dist/dockerode.js, which
// src/docker/client.ts requires only when a Docker client is made: `shipshape lint` never compiles it.
const dockerodeApart = {
  name: 'dockerode-apart',
  setup(build) {
    build.onResolve({ filter: /^dockerode$/ }, () => ({ path: './dockerode.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  // web-tree-sitter's ESM build needs import.meta.url, which a CommonJS bundle lacks: use its CJS build.
  alias: { 'web-tree-sitter': path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.cjs') },
  plugins: [optionalNative],
  logLevel: 'warning',
};

const targets = [
  { ...common, plugins: [...common.plugins, dockerodeApart], entryPoints: [path.join(root, 'src/extension/extension.ts')], outfile: path.join(root, 'dist/extension.js') },
  { ...common, entryPoints: [require.resolve('dockerode')], outfile: path.join(root, 'dist/dockerode.js') },
  {
    ...common,
    plugins: [...common.plugins, dockerodeApart],
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: path.join(root, 'dist/cli.js'),
    banner: { js: '#!/usr/bin/env node' },
  },
  // The entry of the CLI's worker threads (src/process/worker-pool.ts): only what their tasks need, so a worker starts fast.
  { ...common, plugins: [...common.plugins, dockerodeApart], entryPoints: [path.join(root, 'src/process/worker.ts')], outfile: path.join(root, 'dist/worker.js') },
];

/** packSchema(CHECK_KINDS), compiled from the sources with esbuild, written as JSON. */
async function writePackSchema() {
  const entry = "export { packSchema } from './src/core/labs/schema'; export { CHECK_KINDS } from './src/core/labs/checks/index';";
  const bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-schema-')), 'schema.cjs');
  try {
    await esbuild.build({ ...common, sourcemap: false, minify: false, stdin: { contents: entry, resolveDir: root, loader: 'ts' }, outfile: bundle });
    const { packSchema, CHECK_KINDS } = require(bundle);
    fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(root, PACK_SCHEMA_FILE), `${JSON.stringify(packSchema(CHECK_KINDS), null, 2)}\n`);
  } finally {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
}

function copyWasm() {
  for (const file of wasmFiles) fs.copyFileSync(file, path.join(root, 'dist', path.basename(file)));
}

if (schemaOnly) {
  await writePackSchema();
  console.log(`wrote ${PACK_SCHEMA_FILE}`);
} else if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  copyWasm();
  await writePackSchema(); // once: check kinds' fields change rarely; a full build writes it again
  console.log('watching src/ for changes');
} else {
  const started = Date.now();
  await Promise.all([...targets.map((t) => esbuild.build(t)), writePackSchema()]);
  copyWasm();
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  console.log(`built dist/extension.js, dist/cli.js, dist/worker.js and ${PACK_SCHEMA_FILE} in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
