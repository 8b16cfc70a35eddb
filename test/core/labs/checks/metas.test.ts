// Every registered check kind declares itself completely, and each example it offers is a check the
// loader accepts: its YAML parses, every key is a common field or one of the kind's, each value parses
// by its field type, and the kind's own validation finds nothing.
import assert from 'node:assert/strict';
import YAML from 'yaml';
import { CHECK_KINDS, CHECK_KIND_BY_NAME } from '../../../../src/core/labs/checks';
import { parseField } from '../../../../src/core/labs/fields';

const COMMON = new Set(['kind', 'name', 'points', 'timeout', 'interval', 'stableFor']);

describe('labs check kinds: metas and examples', () => {
  it('registers network, volume, image, dockerfile, swarm, http, quiz and script once each', () => {
    for (const kind of ['network', 'volume', 'image', 'dockerfile', 'swarm', 'http', 'quiz', 'script']) assert.ok(CHECK_KIND_BY_NAME.has(kind), kind);
    assert.equal(CHECK_KIND_BY_NAME.size, CHECK_KINDS.length, 'two kinds share a name');
  });

  for (const kind of CHECK_KINDS)
    describe(kind.meta.kind, () => {
      it('has a description, fields with descriptions, and at least one example', () => {
        assert.ok(kind.meta.description.length > 20);
        for (const [name, spec] of Object.entries(kind.meta.fields)) assert.ok(spec.description, `${name} has no description`);
        assert.ok(kind.meta.examples.length > 0);
      });
      for (const example of kind.meta.examples)
        it(`example "${example.title}" is a check the loader accepts`, () => {
          const written = YAML.parse(example.yaml) as Record<string, unknown>;
          assert.equal(written.kind, kind.meta.kind);
          const fields: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(written)) {
            if (COMMON.has(key)) continue;
            const spec = kind.meta.fields[key];
            assert.ok(spec, `${key} is not a field of ${kind.meta.kind}`);
            const parsed = parseField(spec, value);
            assert.ok(parsed.ok, `${key}: ${parsed.ok ? '' : parsed.message}`);
            fields[key] = parsed.value;
          }
          for (const [name, spec] of Object.entries(kind.meta.fields)) if (spec.required) assert.ok(name in fields, `the example lacks ${name}`);
          assert.deepEqual(kind.validate?.(fields) ?? [], []);
          assert.ok(kind.title(fields).length > 0);
        });
    });
});
