// The container family's pure parts: their metas (every example parses as the loader would), the field
// types they added (port lists, sizes that may be unlimited) and the words their observations use.
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import container, { normalizeImage } from '../../../../src/core/labs/checks/container';
import exec from '../../../../src/core/labs/checks/exec';
import file, { idsByName } from '../../../../src/core/labs/checks/file';
import { CHECK_KIND_BY_NAME } from '../../../../src/core/labs/checks/index';
import namespace from '../../../../src/core/labs/checks/namespace';
import ports from '../../../../src/core/labs/checks/ports';
import resources, { flagValue, shownValue } from '../../../../src/core/labs/checks/resources';
import { argvOf, commandLine } from '../../../../src/core/labs/checks/target';
import { parseField } from '../../../../src/core/labs/fields';

const COMMON = new Set(['kind', 'name', 'points', 'timeout', 'interval', 'stableFor']);
const FAMILY = [container, ports, resources, namespace, exec, file];

describe('labs checks: the container family (pure)', () => {
  for (const kind of FAMILY) {
    it(`${kind.meta.kind}: registered, every field described, every example's fields known and parsed`, () => {
      assert.equal(CHECK_KIND_BY_NAME.get(kind.meta.kind), kind);
      for (const [name, spec] of Object.entries(kind.meta.fields)) assert.ok(spec.description.length > 10, `${name} has a description`);
      assert.ok(kind.meta.examples.length > 0);
      for (const example of kind.meta.examples) {
        const doc = parseYaml(example.yaml) as Record<string, unknown>;
        assert.equal(doc.kind, kind.meta.kind, example.title);
        const fields: Record<string, unknown> = {};
        for (const [key, raw] of Object.entries(doc)) {
          if (COMMON.has(key)) continue;
          const spec = kind.meta.fields[key];
          assert.ok(spec, `${example.title}: ${key} is a field of ${kind.meta.kind}`);
          const parsed = parseField(spec, raw);
          assert.ok(parsed.ok, `${example.title}: ${key}: ${parsed.ok ? '' : parsed.message}`);
          fields[key] = parsed.value;
        }
        for (const [key, spec] of Object.entries(kind.meta.fields)) if (spec.required) assert.ok(key in fields, `${example.title} gives ${key}`);
        assert.ok(kind.title(fields).length > 0);
      }
    });
  }

  it('event triggers: container events for what inspect shows, none for exec and file', () => {
    for (const kind of [container, ports, resources, namespace]) assert.deepEqual(kind.meta.triggers, ['container']);
    for (const kind of [exec, file]) assert.deepEqual(kind.meta.triggers, []);
  });

  it("field type port[]: one port or a list, each as docker run -p takes it; the first bad one is named", () => {
    const spec = { type: 'port[]', description: 'ports' } as const;
    assert.deepEqual(parseField(spec, '8080:80'), { ok: true, value: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }] });
    assert.deepEqual(parseField(spec, ['127.0.0.1:53:53/udp', '[::1]:8443:443']), {
      ok: true,
      value: [
        { hostIp: '127.0.0.1', hostPort: 53, containerPort: 53, protocol: 'udp' },
        { hostIp: '::1', hostPort: 8443, containerPort: 443, protocol: 'tcp' },
      ],
    });
    assert.deepEqual(parseField(spec, ['8080:80', '80']), { ok: false, message: '"80" is not a published port', hint: 'write each as docker run -p takes it: 8080:80/tcp' });
  });

  it('field type bytes with unlimited: -1, "-1" and "unlimited" are -1; without it they are refused', () => {
    const swap = { type: 'bytes', unlimited: true, description: 'swap' } as const;
    for (const raw of [-1, '-1', 'unlimited']) assert.deepEqual(parseField(swap, raw), { ok: true, value: -1 });
    assert.deepEqual(parseField(swap, '512m'), { ok: true, value: 512 * 1024 * 1024 });
    assert.deepEqual(parseField(swap, 'lots'), { ok: false, message: '"lots" is not a size', hint: 'write a number of bytes with an optional unit: 256m, 1.5g, 512k, or -1 for no limit' });
    assert.equal(parseField({ type: 'bytes', description: 'memory' }, -1).ok, false);
  });

  it('commands: one string is split into words as a shell would, without expanding $VARS; shown back quoted', () => {
    assert.deepEqual(argvOf(['sleep 300']), ['sleep', '300']);
    assert.deepEqual(argvOf(["sh -c 'echo $HOME' $X"]), ['sh', '-c', 'echo $HOME', '$X']);
    assert.deepEqual(argvOf(['echo a b']), ['echo', 'a', 'b']);
    assert.deepEqual(argvOf(['echo', 'a b']), ['echo', 'a b']);
    assert.equal(commandLine(['sh', '-c', "echo it's"]), "sh -c 'echo it'\\''s'");
    assert.equal(commandLine(['-e', 'A=b', '/srv/x.html']), '-e A=b /srv/x.html');
  });

  it('image references: busybox, busybox:latest and docker.io/library/busybox:latest are one image; a digest is kept', () => {
    assert.equal(normalizeImage('busybox'), 'busybox:latest');
    assert.equal(normalizeImage('docker.io/library/busybox:latest'), 'busybox:latest');
    assert.equal(normalizeImage('localhost:5000/web'), 'localhost:5000/web:latest');
    assert.equal(normalizeImage('busybox@sha256:abc'), 'busybox@sha256:abc');
  });

  it('resources: values in the words of the internals view, and back as docker run flags take them', () => {
    assert.equal(shownValue('bytes', 256 * 1024 * 1024), '256 MiB');
    assert.equal(shownValue('bytes', 'max'), 'unlimited');
    assert.equal(shownValue('cpus', 2), '2 CPUs');
    assert.equal(shownValue('usec', 50_000), '50000 µs');
    assert.equal(shownValue('count', null), 'not set');
    assert.equal(flagValue('bytes', 1536 * 1024 * 1024), '1536m');
    assert.equal(flagValue('bytes', 2 * 1024 ** 3), '2g');
    assert.equal(flagValue('bytes', 1000), '1000');
    assert.equal(flagValue('bytes', 'max'), '-1');
  });

  it('file owners: names to ids from /etc/passwd and /etc/group text, odd lines skipped', () => {
    assert.deepEqual([...idsByName('root:x:0:0:root:/root:/bin/sh\napp:x:1000:100::/home/app:/bin/sh\n# comment\nbroken\n')], [['root', 0], ['app', 1000]]);
    assert.deepEqual([...idsByName('users:x:100:app\n')], [['users', 100]]);
  });
});
