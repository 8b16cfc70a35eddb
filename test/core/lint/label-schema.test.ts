import assert from 'node:assert/strict';
import { allInstructions, parseDockerfile } from '../../../src/core/dockerfile/model';
import { typedLabels } from '../../../src/core/lint/label-schema';
import type { LabelType, RuleContext } from '../../../src/core/lint/types';

const contextFor = (text: string, labelSchema: Record<string, LabelType>) =>
  ({ model: parseDockerfile(text), settings: { labelSchema, trustedRegistries: [], strictLabels: false } }) as unknown as RuleContext;

/** typedLabels over every LABEL of the file, ONBUILD LABEL included. */
const labelsOf = (ctx: RuleContext, type: LabelType) =>
  [...allInstructions(ctx.model)].filter((i) => i.keyword === 'LABEL').flatMap((i) => typedLabels(i, ctx, type));

describe('core/lint/label-schema', () => {
  it('yields the labels of a type with a value to judge, quotes resolved', () => {
    const ctx = contextFor(
      'FROM alpine\nLABEL a="https://x.io" b=\'y\' c=""\nLABEL d=$VERSION a=second\nONBUILD LABEL a=later\n',
      { a: 'url', b: 'url', c: 'url', d: 'url' },
    );
    assert.deepEqual(labelsOf(ctx, 'url').map((l) => `${l.kv.key}=${l.value}`), ['a=https://x.io', 'b=y', 'a=second', 'a=later']);
  });

  it('leaves out other types and keys outside the schema', () => {
    const ctx = contextFor('FROM alpine\nLABEL a=1.0.0 other=x\n', { a: 'semver' });
    assert.deepEqual(labelsOf(ctx, 'url'), []);
    assert.deepEqual(labelsOf(ctx, 'semver').map((l) => l.kv.key), ['a']);
    assert.deepEqual(labelsOf(contextFor('FROM alpine\nLABEL a=1\n', {}), 'semver'), []);
  });
});
