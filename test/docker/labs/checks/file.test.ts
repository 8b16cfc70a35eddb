import assert from 'node:assert/strict';
import kind from '../../../../src/core/labs/checks/file';
import { uniqueName } from '../../../support/daemon';
import { kindCases, labContainers, labDaemon } from '../../../support/labs';

// busybox:latest here has no /etc/passwd: the test writes one, so owner names resolve as in a real image.
const SETUP = [
  'echo "app:x:1000:100::/home/app:/bin/sh" > /etc/passwd',
  'echo "users:x:100:" > /etc/group',
  'mkdir -p /srv /data',
  'printf "hello world\\n" > /srv/index.html',
  'chmod 640 /srv/index.html',
  'chown 1000:100 /srv/index.html',
  'chmod 750 /data',
  'ln -s /srv/index.html /srv/link',
  'head -c 2097152 /dev/zero | tr "\\0" a > /srv/big',
].join(' && ');

describe('labs check: file (real daemon, through the archive API)', function () {
  this.timeout(60_000);
  const made = labContainers();
  const box = uniqueName('file-box');
  const exited = uniqueName('file-exited');
  const absent = uniqueName('file-absent');

  before(async () => {
    await Promise.all([
      made.run(box).then(() => labDaemon().exec(box, ['sh', '-c', SETUP], { timeoutMs: 5000 })),
      made.run(exited, { cmd: ['sh', '-c', 'echo kept > /saved.txt'] }).then((id) => made.until(id, 'exited', (s) => s.Status === 'exited')),
    ]);
  });
  after(() => made.removeAll());

  kindCases(kind, {
    passing: [
      { name: 'only the path: it exists', fields: () => ({ container: box, path: '/srv/index.html' }) },
      { name: 'a file with its mode, owner by id and content', fields: () => ({ container: box, path: '/srv/index.html', type: 'file', mode: '0640', owner: '1000:100', content: 'hello world' }) },
      { name: 'owner by name from /etc/passwd and /etc/group; content contains', fields: () => ({ container: box, path: '/srv/index.html', owner: 'app:users', content: { contains: 'world' } }) },
      { name: 'a directory, mode without the leading 0, owner root', fields: () => ({ container: box, path: '/data', type: 'directory', mode: '750', owner: 'root' }) },
      { name: 'a symlink, not followed', fields: () => ({ container: box, path: '/srv/link', type: 'symlink', exists: true }) },
      { name: 'exists: false with nothing there', fields: () => ({ container: box, path: '/srv/nope', exists: false }) },
      { name: 'a stopped container: its files are still read', fields: () => ({ container: exited, path: '/saved.txt', content: { matches: '^kept\n' } }) },
    ],
    failing: [
      {
        name: 'another type, mode, owner and content',
        fields: () => ({ container: box, path: '/srv/index.html', type: 'directory', mode: '0644', owner: '0:0', content: { equals: 'bye' } }),
        failures: () => [
          { field: 'type', expected: 'a directory', actual: 'a file', hint: 'replace /srv/index.html with a directory' },
          { field: 'mode', expected: '0644', actual: '0640', hint: `change it with \`docker exec ${box} chmod 0644 /srv/index.html\`` },
          { field: 'owner', expected: '0:0', actual: '1000:100', hint: `change it with \`docker exec ${box} chown 0:0 /srv/index.html\`` },
          { field: 'content', expected: 'bye', actual: 'hello world', hint: `/srv/index.html in ${box} must hold exactly "bye"` },
        ],
      },
      {
        name: 'an owner name the container does not know',
        fields: () => ({ container: box, path: '/srv/index.html', owner: 'www:users' }),
        failures: () => [{ field: 'owner', expected: 'www:users', actual: '1000:100 (app:users); no user www in its /etc/passwd', hint: `change it with \`docker exec ${box} chown www:users /srv/index.html\`` }],
      },
      {
        name: 'content of a symlink: it is not followed',
        fields: () => ({ container: box, path: '/srv/link', content: { contains: 'hello' } }),
        failures: () => [{ field: 'content', expected: 'text containing "hello"', actual: 'no content: a symlink to /srv/index.html', hint: '/srv/link must be a file holding text containing "hello"' }],
      },
      {
        name: 'nothing at the path',
        fields: () => ({ container: box, path: '/srv/missing dir', type: 'directory' }),
        failures: () => [{ field: 'path', expected: `/srv/missing dir in ${box}`, actual: 'nothing at /srv/missing dir', hint: `create it with \`docker exec ${box} mkdir -p '/srv/missing dir'\`` }],
      },
      {
        name: 'exists: false while it exists',
        fields: () => ({ container: box, path: '/data', exists: false }),
        failures: () => [{ field: 'exists', expected: 'nothing at /data', actual: 'a directory at /data', hint: `remove it with \`docker exec ${box} rm -r /data\`` }],
      },
      {
        name: 'content past 1 MiB: only the first MiB is read, and the actual says so',
        fields: () => ({ container: box, path: '/srv/big', content: { matches: 'b' } }),
        failures: () => [{ field: 'content', expected: 'to match /b/', actual: `${'a'.repeat(199)}… (only the first 1048576 bytes read)`, hint: `/srv/big in ${box} must hold text matching /b/` }],
      },
      {
        name: 'a relative path',
        fields: () => ({ container: box, path: 'srv/index.html' }),
        failures: () => [{ field: 'path', expected: 'an absolute path', actual: 'srv/index.html', hint: 'write it from the root: /srv/index.html' }],
      },
      {
        name: 'a mode that is not octal',
        fields: () => ({ container: box, path: '/data', mode: 'rwxr-x---' }),
        failures: () => [{ field: 'mode', expected: 'an octal mode such as 0644', actual: '"rwxr-x---"', hint: 'write the mode in octal, as chmod takes it: "0644", "755"' }],
      },
      {
        name: 'a missing container',
        fields: () => ({ container: absent, path: '/etc/hostname' }),
        failures: () => [{ field: 'container', expected: `a container named ${absent}`, actual: `no container named ${absent}`, hint: `create it with \`docker run --name ${absent} …\`` }],
      },
    ],
  });

  it('LabDaemon.readFile reads the path itself, up to maxBytes, and says when it stopped short', async () => {
    const daemon = labDaemon();
    assert.deepEqual(await daemon.readFile(box, '/srv/index.html', { maxBytes: 5 }), { type: 'file', mode: 0o640, uid: 1000, gid: 100, size: 12, content: 'hello', truncated: true });
    assert.deepEqual(await daemon.readFile(box, '/srv/index.html'), { type: 'file', mode: 0o640, uid: 1000, gid: 100, size: 12, content: 'hello world\n', truncated: false });
    assert.deepEqual(await daemon.readFile(box, '/srv/link'), { type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, linkTarget: '/srv/index.html' });
    assert.equal(await daemon.readFile(box, '/srv/nope'), undefined);
  });

  it('LabDaemon.readFile with statOnly gives the same type, mode and size from the daemon\'s stat alone (no owner: -1)', async () => {
    const daemon = labDaemon();
    for (const p of ['/srv/index.html', '/data', '/srv/link']) {
      const full = (await daemon.readFile(box, p))!;
      const stat = (await daemon.readFile(box, p, { statOnly: true }))!;
      assert.deepEqual(stat, { type: full.type, mode: full.mode, uid: -1, gid: -1, size: full.type === 'file' ? full.size : stat.size, ...(full.linkTarget ? { linkTarget: full.linkTarget } : {}) }, p);
    }
    assert.equal(await daemon.readFile(box, '/srv/nope', { statOnly: true }), undefined);
  });
});
