import assert from 'node:assert/strict';
import kind from '../../../../src/core/labs/checks/exec';
import { uniqueName } from '../../../support/daemon';
import { kindCases, labContainers, labDaemon, runCheck } from '../../../support/labs';

describe('labs check: exec (real daemon)', function () {
  this.timeout(60_000);
  const made = labContainers();
  const box = uniqueName('exec-box');
  const stopped = uniqueName('exec-stopped');
  const paused = uniqueName('exec-paused');
  const absent = uniqueName('exec-absent');

  before(async () => {
    await Promise.all([
      made.run(box).then(() => labDaemon().exec(box, ['sh', '-c', 'mkdir -p /srv && echo hello world > /srv/msg'], { timeoutMs: 5000 })),
      made.run(stopped, { start: false }),
      made.run(paused).then((id) => made.client.api.getContainer(id).pause()),
    ]);
  });
  after(() => made.removeAll());

  kindCases(kind, {
    passing: [
      { name: 'exit 0 and stdout equal (blanks around it ignored), command as one string', fields: () => ({ container: box, command: 'cat /srv/msg', stdout: 'hello world' }) },
      { name: 'stdout matches a regular expression', fields: () => ({ container: box, command: ['cat', '/srv/msg'], stdout: { matches: '^hello\\s+w' } }) },
      { name: 'a shell only when the argv is one: exit code and stderr', fields: () => ({ container: box, command: ['sh', '-c', 'echo oops >&2; exit 3'], exitCode: 3, stderr: { contains: 'oops' }, stdout: '' }) },
      { name: '$VARS in one string reach the command as written (no shell expands them)', fields: () => ({ container: box, command: 'echo $HOME', stdout: '$HOME' }) },
      { name: 'as another user', fields: () => ({ container: box, command: 'id -u', user: '1000', stdout: '1000' }) },
    ],
    failing: [
      {
        name: 'a non-zero exit: the hint quotes what it said',
        fields: () => ({ container: box, command: 'cat /srv/nope' }),
        failures: () => [{ field: 'exitCode', expected: '0', actual: '1', hint: "`cat /srv/nope` exited with 1, saying: cat: can't open '/srv/nope': No such file or directory; it must exit with 0" }],
      },
      {
        name: 'stdout and stderr other than expected',
        fields: () => ({ container: box, command: 'cat /srv/msg', stdout: { contains: 'goodbye' }, stderr: { matches: 'warn' } }),
        failures: () => [
          { field: 'stdout', expected: 'to contain "goodbye"', actual: 'hello world', hint: `\`cat /srv/msg\` in ${box} must print text containing "goodbye" on stdout` },
          { field: 'stderr', expected: 'to match /warn/', actual: '(nothing)', hint: `\`cat /srv/msg\` in ${box} must print text matching /warn/ on stderr` },
        ],
      },
      {
        name: 'no shell: `echo hi && exit 1` is one echo',
        fields: () => ({ container: box, command: ['echo', 'hi', '&&', 'exit', '1'], stdout: 'hi' }),
        failures: () => [{ field: 'stdout', expected: 'hi', actual: 'hi && exit 1', hint: `\`echo hi '&&' exit 1\` in ${box} must print exactly "hi" on stdout` }],
      },
      {
        name: 'a user the container does not know: the runtime says so',
        fields: () => ({ container: box, command: 'id', user: 'nobody' }),
        failures: () => [{ field: 'exitCode', expected: '0', actual: '126', hint: '`id` exited with 126, saying: unable to find user nobody: no matching entries in passwd file; it must exit with 0' }],
      },
      {
        name: 'a stopped container',
        fields: () => ({ container: stopped, command: 'true' }),
        failures: () => [{ field: 'running', expected: 'running', actual: 'created', hint: `start it with \`docker start ${stopped}\`` }],
      },
      {
        name: 'a paused container',
        fields: () => ({ container: paused, command: 'true' }),
        failures: () => [{ field: 'running', expected: 'running', actual: 'paused', hint: `unpause it with \`docker unpause ${paused}\`` }],
      },
      {
        name: 'a missing container',
        fields: () => ({ container: absent, command: 'true' }),
        failures: () => [{ field: 'container', expected: `a container named ${absent}`, actual: `no container named ${absent}`, hint: `create it with \`docker run --name ${absent} …\`` }],
      },
    ],
  });

  it('is errored, not failed, when a run takes longer than commandTimeout', async () => {
    const result = await runCheck(kind, { container: box, command: 'sleep 5', commandTimeout: '300ms' });
    assert.equal(result.status, 'errored');
    assert.equal(result.error, `sleep 5 in ${box} did not finish within 300 ms`);
  });

  it('a command the image lacks fails with the exit code the runtime gives', async () => {
    const result = await runCheck(kind, { container: box, command: 'no-such-tool --version' });
    assert.equal(result.status, 'failed');
    // runc says 126 (found but not runnable) for a missing executable; other runtimes say 127.
    assert.match(result.observations[0]!.actual, /^12[67]$/);
    assert.match(result.observations[0]!.hint ?? '', /^`no-such-tool --version` exited with 12[67], saying: .*no-such-tool.*; it must exit with 0$/);
  });
});
