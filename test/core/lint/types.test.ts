// The severity order, written once in core/lint/types.ts, and what is derived from it.
import assert from 'node:assert/strict';
import { worstSeverity } from '../../../src/core/lint/engine';
import { FAILURE_THRESHOLDS, SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../../../src/core/lint/types';

const finding = (severity: Severity): Finding => ({
  code: 'X',
  aliases: [],
  severity,
  message: '',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  fixes: [],
  source: 'syntax',
});

describe('core/lint/types severities', () => {
  it('orders the severities most severe first, and ranks error 4 down to style 1', () => {
    assert.deepEqual(SEVERITIES, ['error', 'warning', 'info', 'style']);
    assert.deepEqual(SEVERITY_RANK, { error: 4, warning: 3, info: 2, style: 1 });
  });

  it('lets a failure threshold be a severity, none or ignore', () => {
    assert.deepEqual(FAILURE_THRESHOLDS, ['error', 'warning', 'info', 'style', 'none', 'ignore']);
  });

  it('worstSeverity picks the most severe severity present, undefined for no findings', () => {
    assert.equal(worstSeverity([finding('style'), finding('warning'), finding('info')]), 'warning');
    assert.equal(worstSeverity([finding('info'), finding('error')]), 'error');
    assert.equal(worstSeverity([finding('style')]), 'style');
    assert.equal(worstSeverity([]), undefined);
  });
});
