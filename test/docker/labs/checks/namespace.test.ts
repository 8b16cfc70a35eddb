import kind from '../../../../src/core/labs/checks/namespace';
import { uniqueName } from '../../../support/daemon';
import { kindCases, labContainers } from '../../../support/labs';

describe('labs check: namespace (real daemon, cgroup v1)', function () {
  this.timeout(60_000);
  const made = labContainers();
  const owner = uniqueName('ns-owner');
  const joiner = uniqueName('ns-joiner');
  const onHost = uniqueName('ns-host');
  const plain = uniqueName('ns-plain');
  const stopped = uniqueName('ns-stopped');
  const absent = uniqueName('ns-absent');

  before(async () => {
    await Promise.all([made.run(owner, { hostConfig: { IpcMode: 'shareable' } }), made.run(plain), made.run(onHost, { hostConfig: { PidMode: 'host', NetworkMode: 'host' } }), made.run(stopped, { start: false })]);
    await made.run(joiner, { hostConfig: { PidMode: `container:${owner}`, IpcMode: `container:${owner}`, NetworkMode: `container:${owner}` } });
  });
  after(() => made.removeAll());

  kindCases(kind, {
    passing: [
      { name: 'pid shared with the container it joined', fields: () => ({ container: joiner, namespace: 'pid', is: 'shared', with: owner }) },
      { name: "the owner's side: net shared with the one that joined it (only `with`)", fields: () => ({ container: owner, namespace: 'net', with: joiner }) },
      { name: 'ipc shared with any container', fields: () => ({ container: joiner, namespace: 'ipc', is: 'shared' }) },
      { name: "--pid host and --network host: the host's", fields: () => ({ container: onHost, namespace: 'pid', is: 'host' }) },
      { name: "a plain container's uts namespace is private", fields: () => ({ container: plain, namespace: 'uts', is: 'private' }) },
      { name: "cgroup v1: the cgroup namespace is the host's by default", fields: () => ({ container: plain, namespace: 'cgroup', is: 'host' }) },
    ],
    failing: [
      {
        name: "private, expected the host's",
        fields: () => ({ container: plain, namespace: 'pid', is: 'host' }),
        failures: () => [{ field: 'pid namespace', expected: "the host's", actual: 'private', hint: 're-create the container with `--pid host`' }],
      },
      {
        name: 'private, expected shared with another container',
        fields: () => ({ container: plain, namespace: 'net', with: owner }),
        failures: () => [{ field: 'net namespace', expected: `shared with ${owner}`, actual: 'private', hint: `re-create the container with \`--network container:${owner}\`` }],
      },
      {
        name: "the host's, expected private",
        fields: () => ({ container: onHost, namespace: 'net', is: 'private' }),
        failures: () => [{ field: 'net namespace', expected: 'private', actual: "the host's", hint: 're-create the container without `--network host`' }],
      },
      {
        name: 'shared with one container, expected another',
        fields: () => ({ container: joiner, namespace: 'pid', with: plain }),
        failures: () => [{ field: 'pid namespace', expected: `shared with ${plain}`, actual: `shared with ${owner}`, hint: `re-create the container with \`--pid container:${plain}\`` }],
      },
      {
        name: 'ipc private, expected shared: the hint names --ipc shareable',
        fields: () => ({ container: plain, namespace: 'ipc', with: owner }),
        failures: () => [{ field: 'ipc namespace', expected: `shared with ${owner}`, actual: 'private', hint: `re-create the container with \`--ipc container:${owner}\` (${owner} must run with \`--ipc shareable\`)` }],
      },
      {
        name: 'uts cannot be shared with a container',
        fields: () => ({ container: plain, namespace: 'uts', with: owner }),
        failures: () => [{ field: 'uts namespace', expected: `shared with ${owner}`, actual: 'private', hint: 'Docker can share only the pid, net and ipc namespaces with another container, not uts' }],
      },
      {
        name: 'the other container is missing',
        fields: () => ({ container: plain, namespace: 'pid', with: absent }),
        failures: () => [{ field: 'with', expected: `a container named ${absent}`, actual: `no container named ${absent}`, hint: `create it with \`docker run --name ${absent} …\`` }],
      },
      {
        name: 'a stopped container has no namespaces',
        fields: () => ({ container: stopped, namespace: 'pid', is: 'private' }),
        failures: () => [{ field: 'running', expected: 'running', actual: 'created', hint: `start it with \`docker start ${stopped}\`` }],
      },
      {
        name: 'neither is nor with',
        fields: () => ({ container: plain, namespace: 'pid' }),
        failures: () => [{ field: 'is', expected: 'private, host or shared', actual: 'not given', hint: 'add `is: private`, `is: host` or `is: shared` (with `with:`) to the check' }],
      },
    ],
  });
});
