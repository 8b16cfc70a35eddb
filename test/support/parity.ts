// The parity check of Shipshape's tokenizer against the dockerfile-ast based model it replaced
// (test/support/ast-model.ts), and the checks run over a whole set of Dockerfiles: the project's
// fixtures (core tests) or the external corpus (the corpus group).
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseDockerfile, type DockerfileModel, type Instruction, type Stage } from '../../src/core/dockerfile/model';
import { parseWithDockerfileAst } from './ast-model';
import type { DockerfileSet } from './corpus';

// PARITY_RUNS=100000 PARITY_SEED=<n> searches the generated inputs harder than the default runs.
const RUNS = Number(process.env.PARITY_RUNS) || 0;
const SEED = process.env.PARITY_SEED ? Number(process.env.PARITY_SEED) : undefined;
export const runs = (byDefault: number) => ({ numRuns: RUNS || byDefault, seed: SEED ?? 20261122 });

/** A field's value, or what it threw. */
function read<T>(get: () => T): T | { threw: string } {
  try {
    return get();
  } catch (error) {
    return { threw: String(error) };
  }
}

/** Every field of an instruction, read through its getters, stages and instructions referred to by index. */
function instructionFields(i: Instruction): Record<string, unknown> {
  return {
    index: i.index,
    keyword: i.keyword,
    keywordText: i.keywordText,
    keywordRange: i.keywordRange,
    range: i.range,
    args: read(() => i.args),
    headerArgs: read(() => i.headerArgs),
    headerEndLine: read(() => i.headerEndLine),
    argsText: read(() => i.argsText),
    rawArgsText: read(() => i.rawArgsText),
    argsRange: read(() => i.argsRange),
    flags: read(() => i.flags),
    json: read(() => i.json),
    looksLikeJson: read(() => i.looksLikeJson),
    properties: read(() => i.properties),
    heredocs: read(() => i.heredocs),
    stage: i.stage?.index,
    trigger: i.trigger ? instructionFields(i.trigger) : undefined,
    onbuildParent: i.onbuildParent?.index,
  };
}

function stageFields(s: Stage): Record<string, unknown> {
  return {
    index: s.index,
    name: s.name,
    nameRange: s.nameRange,
    asText: s.asText,
    asRange: s.asRange,
    from: s.from.index,
    image: s.image,
    parent: s.parent?.index,
    platform: s.platform,
    instructions: s.instructions.map((i) => i.index),
  };
}

function modelFields(m: DockerfileModel): Record<string, unknown> {
  return {
    text: m.text,
    lines: m.lines,
    escapeChar: m.escapeChar,
    instructions: m.instructions.map(instructionFields),
    stages: m.stages.map(stageFields),
    globalArgs: m.globalArgs.map((i) => i.index),
    comments: m.comments,
    directives: m.directives,
  };
}

export function assertParity(text: string, label: string): void {
  const ours = modelFields(parseDockerfile(text));
  const oracle = modelFields(parseWithDockerfileAst(text));
  if (isDeepStrictEqual(ours, oracle)) return;
  // The first instruction that differs, for a readable diff; else the rest of the model.
  const a = ours.instructions as Record<string, unknown>[];
  const b = oracle.instructions as Record<string, unknown>[];
  const k = a.findIndex((fields, i) => !isDeepStrictEqual(fields, b[i]));
  if (k >= 0) assert.deepStrictEqual(a[k], b[k], `${label}: instruction ${k} differs\n${JSON.stringify(text)}`);
  assert.deepStrictEqual(ours, oracle, `${label}: model differs\n${JSON.stringify(text)}`);
}


/** Pieces of Dockerfile text, for generated inputs and mutations. */
export const token = fc.constantFrom(
  '\nFROM ', '\nRUN ', '\nCOPY ', '\nENV ', '\nLABEL ', '\nARG ', '\nONBUILD ', '\nHEALTHCHECK ', '\n# c\n', '\n  \n', '\\\r\n',
  '\\ ', '\\$', '${x:y}', '#x', '"x"\t', 'E\\\nOF',
  'FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'LABEL', 'ARG', 'ONBUILD', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'VOLUME',
  'WORKDIR', 'USER', 'EXPOSE', 'STOPSIGNAL', 'MAINTAINER', 'run', 'Copy', 'FOO', 'AS', 'as', 'CMD', 'NONE',
  ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\n', '\r\n', '\r', '\\', '\\', '\\\n', '\\ \n', '`', '`\n', '#', '# ', '# escape=`\n', '# syntax=x\n',
  '"', "'", '=', '$', '${', '}', ':', '-', '@', '/', '.', '[', ']', ',', '<', '<<', '<<EOF', '<<-EOF', '<<"EOF"', "<<'EOF'", 'EOF', '\tEOF', '\nEOF\n',
  '--', '--from=', '--platform=', '--chown=1', '--mount=type=cache,target=/x', '--link', '--interval=5s',
  'a', 'b', 'x y', 'alpine', 'alpine:3.20', 'r:5000/img', 'img@sha256:ab', 'localhost/x', 'KEY=val', 'A="x y"', '\uFEFF', 'é', '🚀',
);

/** Every file of the set, then mutations of its lines (truncated, mixed with tokens). */
export function parityOverSet(set: DockerfileSet, atLeast: number): void {
  it(`matches on every Dockerfile of ${set.label} (${set.files.length} files)`, () => {
    assert.ok(set.files.length >= atLeast, `${set.label}: ${set.files.length} files, expected at least ${atLeast}`);
    for (const { name, text } of set.files) assertParity(text, name);
  });

  it(`matches on mutated lines of ${set.label}`, function () {
    this.timeout(0);
    const line = fc.constantFrom(...set.files.flatMap((c) => c.text.split('\n')));
    const mutated = fc.array(fc.oneof(line, token, fc.tuple(line, fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1)))), { maxLength: 30 });
    fc.assert(
      fc.property(mutated, (parts) => assertParity(parts.join('\n'), 'mutated')),
      runs(1000),
    );
  });
}
