import assert from 'node:assert/strict';
import { effectiveDirectives } from '../../../src/core/dockerfile/directives';
import { parseDockerfile } from '../../../src/core/dockerfile/model';

const names = (text: string) => effectiveDirectives(parseDockerfile(text).directives).map((d) => `${d.name}=${d.value}`);

describe('core/dockerfile/directives', () => {
  it('reads the leading run of known directives', () => {
    const text = '# syntax=docker/dockerfile:1\n# Escape=`\n# check=skip=all\nFROM alpine\n';
    assert.deepEqual(names(text), ['syntax=docker/dockerfile:1', 'Escape=`', 'check=skip=all']);
  });

  it('stops at the first unknown directive', () => {
    assert.deepEqual(names('# escape=\\\n# foo=bar\n# syntax=x\nFROM alpine\n'), ['escape=\\']);
    assert.deepEqual(names('# foo=bar\n# escape=`\nFROM alpine\n'), []);
  });

  it('has none without directives', () => {
    assert.deepEqual(names('FROM alpine\n# syntax=late\n'), []);
  });
});
