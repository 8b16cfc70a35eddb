import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { baseImageReferences, expandWord, globalScope, parentStageIndex, predefinedArgs, pulledImage } from '../../../src/core/dockerfile/variables';

const env = (vars: Record<string, string>) => (name: string) => vars[name];

describe('core/dockerfile/variables', () => {
  describe('expandWord', () => {
    it('expands $X and ${X}, removing quotes and escapes', () => {
      const e = expandWord('"$A"-${B}\\$C', env({ A: 'a', B: 'b' }));
      assert.equal(e.value, 'a-b$C');
      assert.equal(e.error, false);
      assert.deepEqual(e.refs, [
        { name: 'A', start: 1, end: 3, found: true },
        { name: 'B', start: 5, end: 9, found: true },
      ]);
    });

    it('leaves single quotes alone and reports unknown names', () => {
      assert.equal(expandWord("'$A'", env({ A: 'a' })).value, '$A');
      const e = expandWord('x$NOPE', env({}));
      assert.equal(e.value, 'x');
      assert.deepEqual(e.refs, [{ name: 'NOPE', start: 1, end: 6, found: false }]);
    });

    it('supports the default, alternative and pattern forms', () => {
      const lookup = env({ V: 'v1.2.3', E: '' });
      assert.equal(expandWord('${U:-dflt}', lookup).value, 'dflt');
      assert.equal(expandWord('${E-dflt}', lookup).value, '');
      assert.equal(expandWord('${E:-dflt}', lookup).value, 'dflt');
      assert.equal(expandWord('${V:+set}', lookup).value, 'set');
      assert.equal(expandWord('${V#v}', lookup).value, '1.2.3');
      assert.equal(expandWord('${V%.*}', lookup).value, 'v1.2');
      assert.equal(expandWord('${V%%.*}', lookup).value, 'v1');
      assert.equal(expandWord('${V//./-}', lookup).value, 'v1-2-3');
    });

    it('reports what would fail the build', () => {
      assert.equal(expandWord('${A', env({})).error, true);
      assert.equal(expandWord('"open', env({})).error, true);
      assert.equal(expandWord('${U:?needed}', env({})).error, true);
      assert.equal(expandWord('${}', env({})).error, true);
    });

    it('uses the escape character it is given', () => {
      assert.equal(expandWord('`$A', env({ A: 'a' }), '`').value, '$A');
    });
  });

  it('predefinedArgs splits the platform into its parts', () => {
    const args = predefinedArgs('linux/arm64/v8', 'final');
    assert.equal(args.get('TARGETPLATFORM'), 'linux/arm64/v8');
    assert.equal(args.get('TARGETARCH'), 'arm64');
    assert.equal(args.get('TARGETVARIANT'), 'v8');
    assert.equal(args.get('TARGETSTAGE'), 'final');
    assert.equal(predefinedArgs().get('BUILDARCH'), 'amd64');
  });

  it('globalScope reads the ARGs before the first FROM, each default seeing the ones before it', () => {
    const scope = globalScope(parseDockerfile('ARG A=1 B=$A-x C\nARG D="${B}y"\nFROM alpine AS Final\nARG LATE=1\n'));
    assert.equal(scope.values.get('A'), '1');
    assert.equal(scope.values.get('B'), '1-x');
    assert.equal(scope.values.get('D'), '1-xy');
    assert.equal(scope.values.has('C'), false);
    assert.ok(scope.names.has('C'));
    assert.ok(!scope.names.has('LATE'));
    assert.equal(scope.values.get('TARGETSTAGE'), 'final');
    assert.equal(scope.error, false);
    assert.equal(globalScope(parseDockerfile('ARG A=${B\nFROM alpine\n')).error, true);
  });

  it('parentStageIndex finds the nearest earlier stage of that name', () => {
    const model = parseDockerfile('FROM alpine AS build\nFROM alpine AS Build\nFROM build\nFROM later\nFROM alpine AS later\n');
    assert.equal(parentStageIndex(model, 2, 'BUILD'), 1);
    assert.equal(parentStageIndex(model, 3, 'later'), undefined);
    assert.equal(parentStageIndex(model, 0, 'build'), undefined);
  });

  describe('baseImageReferences', () => {
    it('lists the images the stages pull, global ARGs expanded, each once', () => {
      const model = parseDockerfile(
        'ARG TAG=3.20\nARG REG\nFROM alpine:$TAG AS base\nFROM base\nFROM scratch\nFROM $REG/app:1\nFROM node:20\nFROM alpine:${TAG}\n',
      );
      assert.deepEqual(baseImageReferences(model), ['alpine:3.20', 'node:20']);
    });

    it('leaves out a name with an undeclared variable, even one with a default', () => {
      const model = parseDockerfile('ARG V=3\nFROM ${UNDECLARED:-busybox}\nFROM python:${V:-2}\n');
      assert.deepEqual(baseImageReferences(model), ['python:3']);
    });

    it('skips a stage named through an ARG and fills the platform args', () => {
      const model = parseDockerfile('ARG BASE=build\nFROM golang:1.22-$TARGETARCH AS build\nFROM ${BASE}\nFROM Scratch\n');
      assert.deepEqual(baseImageReferences(model, 'linux/arm64'), ['golang:1.22-arm64']);
      assert.deepEqual(baseImageReferences(model), ['golang:1.22-amd64']);
    });

    it('is empty for a Dockerfile without FROM, and agrees with pulledImage', () => {
      assert.deepEqual(baseImageReferences(parseDockerfile('ARG A=1\n')), []);
      const model = parseDockerfile('FROM alpine:3.20\nFROM alpine:3.20 AS again\n');
      const globals = globalScope(model);
      assert.deepEqual(model.stages.map((s) => pulledImage(model, s, globals)), ['alpine:3.20', 'alpine:3.20']);
      assert.deepEqual(baseImageReferences(model), ['alpine:3.20']);
    });
  });
});
