import assert from 'node:assert/strict';
import type { CheckResult } from '../../../src/core/labs/check';
import { describeObservation, resultLines, resultMarkdown, resultSummary } from '../../../src/core/labs/describe';

const failed: CheckResult = {
  status: 'failed',
  name: 'container sample-web is running',
  observations: [{ field: 'state', ok: false, expected: 'running', actual: 'exited (code 137)', hint: 'start it with docker start sample-web' }],
  ms: 3,
};

describe('core/labs/describe: the words a person reads for a check result', () => {
  it('a failed check: what was expected, what the daemon has, and what to do', () => {
    assert.equal(resultSummary(failed), '✗ container sample-web is running — state is exited (code 137), expected running: start it with docker start sample-web');
  });

  it('a passed check is its mark and name; a passed observation states the value', () => {
    assert.equal(resultSummary({ ...failed, status: 'passed', observations: [] }), '✓ container sample-web is running');
    assert.equal(describeObservation({ field: 'state', ok: true, expected: 'running', actual: 'running' }), 'state is running');
  });

  it('a missing object reads as the absence and what to do, not as "<field> is no …"', () => {
    assert.equal(
      describeObservation({ field: 'container', ok: false, expected: 'a container named web', actual: 'no container named web', hint: 'create it with `docker run --name web …`' }),
      'no container named web: create it with `docker run --name web …`',
    );
    assert.equal(
      describeObservation({ field: 'status', ok: false, expected: 'status 200', actual: 'nothing answered at http://127.0.0.1:8080/ (ECONNREFUSED)', hint: 'publish the port' }),
      'nothing answered at http://127.0.0.1:8080/ (ECONNREFUSED): publish the port',
    );
  });

  it('an errored check reads as "could not check:" with the reason', () => {
    assert.equal(resultSummary({ ...failed, status: 'errored', observations: [], error: 'the daemon is not answering' }), '! container sample-web is running — could not check: the daemon is not answering');
  });

  it('several failed fields: one line each under the name on a terminal', () => {
    const two: CheckResult = { ...failed, observations: [...failed.observations, { field: 'memory limit', ok: false, expected: '256 MiB', actual: '512 MiB', hint: 're-create it with --memory 256m' }] };
    assert.deepEqual(resultLines(two), [
      '✗ container sample-web is running',
      '    state is exited (code 137), expected running: start it with docker start sample-web',
      '    memory limit is 512 MiB, expected 256 MiB: re-create it with --memory 256m',
    ]);
  });

  it('the step panel block: a table of field, expected, actual and what to do, with Markdown escaped', () => {
    const md = resultMarkdown({ ...failed, observations: [{ field: 'cmd', ok: false, expected: 'sleep *', actual: '<none>', hint: 'pass `sleep`' }] });
    assert.equal(
      md,
      ['**✗ container sample-web is running** — failed', '', '| | field | expected | actual | what to do |', '|---|---|---|---|---|', '| ✗ | cmd | sleep \\* | \\<none\\> | pass \\`sleep\\` |', ''].join('\n'),
    );
  });
});
