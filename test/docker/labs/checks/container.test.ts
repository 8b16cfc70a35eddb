import assert from 'node:assert/strict';
import kind from '../../../../src/core/labs/checks/container';
import { uniqueName } from '../../../support/daemon';
import { kindCases, labContainers } from '../../../support/labs';

describe('labs check: container (real daemon)', function () {
  this.timeout(60_000);
  const made = labContainers();
  const web = uniqueName('ck-web');
  const plain = uniqueName('ck-plain');
  const capped = uniqueName('ck-capped');
  const paused = uniqueName('ck-paused');
  const exited = uniqueName('ck-exited');
  const hog = uniqueName('ck-hog');
  const healthy = uniqueName('ck-healthy');
  const killed = uniqueName('ck-killed');
  const byId = uniqueName('ck-by-id');
  const absent = uniqueName('ck-absent');

  // Doubles a string until the 8 MiB limit (no swap) is hit: the kernel kills it, exit 137. Under load Docker 20.10 can
  // miss the kernel's OOM notice (no oom event, OOMKilled false; seen here with the CPUs busy), so it gets three runs.
  async function runHog(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const id = await made.run(hog, { cmd: ['sh', '-c', 'x=a; while true; do x=$x$x; done'], hostConfig: { Memory: 8 * 1024 * 1024, MemorySwap: 8 * 1024 * 1024 } });
      await made.until(id, 'exited', (s) => s.Status === 'exited');
      if ((await made.client.api.getContainer(id).inspect()).State.OOMKilled || attempt === 3) return;
      await made.remove(id);
    }
  }

  before(async () => {
    await Promise.all([
      made.run(web, {
        env: ['GREETING=hello'],
        labels: { tier: 'frontend' },
        user: '1000',
        hostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 }, ReadonlyRootfs: true, CapAdd: ['NET_ADMIN'], CapDrop: ['NET_RAW'] },
      }),
      made.run(capped, { hostConfig: { CapAdd: ['NET_ADMIN'], CapDrop: ['NET_RAW'] } }),
      made.run(plain),
      made.run(paused).then((id) => made.client.api.getContainer(id).pause()),
      made.run(exited, { cmd: ['sh', '-c', 'exit 3'] }).then((id) => made.until(id, 'exited', (s) => s.Status === 'exited')),
      runHog(),
      made.client.api.getImage('busybox:latest').inspect().then((image) => made.run(byId, { image: image.Id })),
      made.run(killed).then((id) => made.client.api.getContainer(id).kill()).then(() => made.until(killed, 'killed', (s) => s.Status === 'exited')),
      made.run(healthy, { healthcheck: { Test: ['CMD', 'true'], Interval: 200_000_000, StartPeriod: 0 } }).then((id) =>
        made.until(id, 'healthy', (s) => s.Health?.Status === 'healthy'),
      ),
    ]);
  });
  after(() => made.removeAll());

  kindCases(kind, {
    passing: [
      { name: 'only the name: it exists', fields: () => ({ container: plain }) },
      { name: 'exists: false with no such container', fields: () => ({ container: absent, exists: false }) },
      { name: 'running, state running, image busybox, command as one string', fields: () => ({ container: plain, running: true, state: 'running', image: 'busybox', command: 'sleep 300' }) },
      { name: 'image in its full form, command as a list', fields: () => ({ container: plain, image: 'docker.io/library/busybox:latest', command: ['sleep', '300'] }) },
      { name: 'image by id, or by a name whose image is the one it runs', fields: () => ({ container: byId, image: 'busybox:latest' }) },
      {
        name: 'env, labels, restart policy with retries, user, read-only',
        fields: () => ({ container: web, env: { GREETING: 'hello' }, labels: { tier: 'frontend' }, restartPolicy: 'on-failure', maxRetries: 3, user: '1000', readOnlyRootfs: true }),
      },
      { name: 'capabilities in effect, added and dropped', fields: () => ({ container: capped, capabilities: ['NET_ADMIN', 'CAP_CHOWN'], withoutCapabilities: ['net_raw', 'SYS_ADMIN'] }) },
      { name: 'pause → state paused, not running', fields: () => ({ container: paused, state: 'paused', running: false }) },
      { name: 'exited with code 3', fields: () => ({ container: exited, state: 'exited', exitCode: 3, oomKilled: false }) },
      { name: 'past its memory limit: OOM-killed with 137', fields: () => ({ container: hog, state: 'exited', oomKilled: true, exitCode: 137 }) },
      { name: 'health healthy once its health check passed', fields: () => ({ container: healthy, health: 'healthy' }) },
      { name: 'health none without a health check; restart policy no by default', fields: () => ({ container: plain, health: 'none', restartPolicy: 'no', readOnlyRootfs: false, user: '' }) },
    ],
    failing: [
      {
        name: 'a missing container when fields expect something',
        fields: () => ({ container: absent, state: 'running' }),
        failures: () => [{ field: 'container', expected: `a container named ${absent}`, actual: `no container named ${absent}`, hint: `create it with \`docker run --name ${absent} …\`` }],
      },
      {
        name: 'exists: true and missing',
        fields: () => ({ container: absent, exists: true }),
        failures: () => [{ field: 'exists', expected: `a container named ${absent}`, actual: `no container named ${absent}`, hint: `create it with \`docker run --name ${absent} …\`` }],
      },
      {
        name: 'exists: false while it exists',
        fields: () => ({ container: plain, exists: false }),
        failures: () => [{ field: 'exists', expected: `no container named ${plain}`, actual: `a container ${plain} (running)`, hint: `remove it with \`docker rm -f ${plain}\`` }],
      },
      {
        name: 'paused, expected running',
        fields: () => ({ container: paused, state: 'running', running: true }),
        failures: () => [
          { field: 'state', expected: 'running', actual: 'paused', hint: `unpause it with \`docker unpause ${paused}\`` },
          { field: 'running', expected: 'running', actual: 'paused', hint: `unpause it with \`docker unpause ${paused}\`` },
        ],
      },
      {
        name: 'exited, expected running',
        fields: () => ({ container: exited, running: true }),
        failures: () => [{ field: 'running', expected: 'running', actual: 'exited (code 3)', hint: `start it with \`docker start ${exited}\`` }],
      },
      {
        name: 'running, expected paused',
        fields: () => ({ container: plain, state: 'paused' }),
        failures: () => [{ field: 'state', expected: 'paused', actual: 'running', hint: `pause it with \`docker pause ${plain}\`` }],
      },
      {
        name: 'another image, command and entrypoint',
        fields: () => ({ container: plain, image: 'nginx:1.25', command: ['httpd', '-f'], entrypoint: 'sh -c' }),
        failures: () => [
          { field: 'image', expected: 'nginx:1.25', actual: 'busybox:latest', hint: `re-create the container from nginx:1.25: \`docker run --name ${plain} … nginx:1.25\`` },
          { field: 'command', expected: 'httpd -f', actual: 'sleep 300', hint: 're-create the container with the command after the image: `docker run … IMAGE httpd -f`' },
          { field: 'entrypoint', expected: 'sh -c', actual: '(none)', hint: 're-create the container with `--entrypoint sh` and `-c` first in the command' },
        ],
      },
      {
        name: 'env and labels: one wrong, one not set',
        fields: () => ({ container: web, env: { GREETING: 'hi', MODE: 'prod' }, labels: { tier: 'backend', team: 'a b' } }),
        failures: () => [
          { field: 'env.GREETING', expected: 'GREETING=hi', actual: 'GREETING=hello', hint: 're-create the container with `-e GREETING=hi`' },
          { field: 'env.MODE', expected: 'MODE=prod', actual: 'MODE not set', hint: 're-create the container with `-e MODE=prod`' },
          { field: 'labels.tier', expected: 'tier=backend', actual: 'tier=frontend', hint: 're-create the container with `--label tier=backend`' },
          { field: 'labels.team', expected: 'team=a b', actual: 'no label team', hint: "re-create the container with `--label 'team=a b'`" },
        ],
      },
      {
        name: 'restart policy, retries, user, read-only',
        fields: () => ({ container: plain, restartPolicy: 'on-failure', maxRetries: 5, user: 'nobody', readOnlyRootfs: true }),
        failures: () => [
          { field: 'restartPolicy', expected: 'on-failure', actual: 'no', hint: `change it with \`docker update --restart on-failure:5 ${plain}\`` },
          { field: 'maxRetries', expected: '5', actual: '0', hint: `change it with \`docker update --restart on-failure:5 ${plain}\`` },
          { field: 'user', expected: 'nobody', actual: "(the image's default user)", hint: 're-create the container with `--user nobody`' },
          { field: 'readOnlyRootfs', expected: 'read-only root filesystem', actual: 'writable root filesystem', hint: 're-create the container with `--read-only`' },
        ],
      },
      {
        name: 'capabilities in effect: one lacking, one present that must not be',
        fields: () => ({ container: plain, capabilities: ['NET_ADMIN', 'CHOWN'], withoutCapabilities: ['NET_RAW'] }),
        failures: () => [
          { field: 'capabilities', expected: 'has CAP_NET_ADMIN, CAP_CHOWN', actual: 'lacks CAP_NET_ADMIN (in effect)', hint: 're-create the container with `--cap-add NET_ADMIN`' },
          { field: 'withoutCapabilities', expected: 'lacks CAP_NET_RAW', actual: 'has CAP_NET_RAW (in effect)', hint: 're-create the container with `--cap-drop NET_RAW`' },
        ],
      },
      {
        name: 'capabilities added to a container whose process is not root: none in effect, and the hint says why',
        fields: () => ({ container: web, capabilities: ['NET_ADMIN'] }),
        failures: () => [
          {
            field: 'capabilities',
            expected: 'has CAP_NET_ADMIN',
            actual: 'lacks CAP_NET_ADMIN (in effect)',
            hint: 'it runs as user 1000, and a process that is not root has no capabilities in effect: run it as root (without `--user`) with `--cap-add NET_ADMIN`',
          },
        ],
      },
      {
        name: 'exit code and OOM of a container that exited normally',
        fields: () => ({ container: exited, exitCode: 0, oomKilled: true }),
        failures: () => [
          { field: 'exitCode', expected: '0', actual: '3', hint: `it exited with 3: see why with \`docker logs ${exited}\`` },
          { field: 'oomKilled', expected: 'killed for running out of memory', actual: 'not OOM-killed', hint: 'it was not killed for running out of memory: give it a smaller `--memory` limit than it needs' },
        ],
      },
      {
        name: 'OOM-killed, expected not',
        fields: () => ({ container: hog, oomKilled: false }),
        failures: () => [{ field: 'oomKilled', expected: 'not OOM-killed', actual: 'OOM-killed', hint: 'it ran out of memory: re-create it with a larger `--memory` limit' }],
      },
      {
        name: 'killed with SIGKILL, not for memory: the hint says Docker recorded no OOM kill',
        fields: () => ({ container: killed, oomKilled: true }),
        failures: () => [
          {
            field: 'oomKilled',
            expected: 'killed for running out of memory',
            actual: 'killed (exit code 137), not recorded as OOM-killed',
            hint: "it was killed (137), but Docker recorded no out-of-memory kill: something else sent it SIGKILL, or Docker missed the kernel's notice; re-create it and run it again",
          },
        ],
      },
      {
        name: 'an exit code while it runs',
        fields: () => ({ container: plain, exitCode: 0 }),
        failures: () => [{ field: 'exitCode', expected: '0', actual: 'none yet (running)', hint: 'it has not exited (running): wait for it to finish, or stop it' }],
      },
      {
        name: 'healthy expected without a health check',
        fields: () => ({ container: plain, health: 'healthy' }),
        failures: () => [{ field: 'health', expected: 'healthy', actual: 'none', hint: 'it has no health check: re-create it with `--health-cmd …` or give its image a HEALTHCHECK' }],
      },
    ],
  });

  it('titles say what is checked', () => {
    assert.equal(kind.title({ container: 'web', state: 'running' }), 'container web is running');
    assert.equal(kind.title({ container: 'web', exists: false }), 'container web does not exist');
    assert.equal(kind.title({ container: 'web', env: { A: 'b' }, user: '1000' }), 'container web: env, user');
  });
});
