import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CHECK_KINDS } from '../../../src/core/labs/checks/index';
import type { FieldSpec } from '../../../src/core/labs/fields';
import { fieldSchema, packSchema } from '../../../src/core/labs/schema';
import { TEST_KINDS } from './kinds';
import { GOOD_MANIFEST } from './pack-fixture';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** JSON Schema, read as plain data. */
type Schema = Record<string, any>;

describe('core/labs/schema', () => {
  it('compiles, and accepts the good manifest and refuses an unknown top-level key', () => {
    const validate = new Ajv({ strict: false, discriminator: true }).compile(packSchema(TEST_KINDS));
    assert.equal(validate(parse(GOOD_MANIFEST)), true, JSON.stringify(validate.errors));
    assert.equal(validate({ ...parse(GOOD_MANIFEST), extra: 1 }), false);
  });

  it('has one check alternative per kind, with its fields, their types and its required ones', () => {
    const schema = packSchema(TEST_KINDS) as Schema;
    const check = schema.properties.labs.items.properties.steps.items.properties.checks.items;
    assert.deepEqual(check.discriminator, { propertyName: 'kind' });
    assert.deepEqual(check.oneOf.map((k: Schema) => k.properties.kind.const), ['container', 'resources', 'exec']);
    const container = check.oneOf[0];
    assert.equal(container.additionalProperties, false);
    assert.deepEqual(container.required, ['container']);
    assert.deepEqual(Object.keys(container.properties), ['kind', 'name', 'points', 'timeout', 'interval', 'stableFor', 'expectBeforeSolve', 'container', 'state', 'memory', 'image', 'env']);
    assert.deepEqual(container.properties.state.enum, ['running', 'exited']);
    assert.equal(container.properties.memory.description, 'memory limit (bytes); a size: 256m, 1.5g, 512k');
  });

  it('turns every field type into JSON Schema an editor can check: units as patterns, text as its two forms', () => {
    const of = (spec: Partial<FieldSpec>) => fieldSchema({ description: 'd', ...spec } as FieldSpec) as Schema;
    const ajv = new Ajv({ strict: false });
    const table: [Partial<FieldSpec>, unknown[], unknown[]][] = [
      [{ type: 'string' }, ['x'], [1, true]],
      [{ type: 'boolean' }, [true], ['yes']],
      [{ type: 'integer' }, [3], [1.5, '3']],
      [{ type: 'number' }, [1.5], ['1.5']],
      [{ type: 'bytes' }, ['256m', '1.5g', '512k', 1024, '10 MB'], ['256x', 'lots', -1.5]],
      [{ type: 'cpus' }, ['0.5', 2, 0.25], ['half', '1 cpu']],
      [{ type: 'duration' }, ['500ms', '2s', '1m', 250], ['soon', '5 sec']],
      [{ type: 'port' }, ['8080:80/tcp', '127.0.0.1:8080:80/udp', '8080:80'], ['80', 'a:b', 8080]],
      [{ type: 'enum', values: ['a', 'b'] }, ['a'], ['c']],
      [{ type: 'string[]' }, [['a', 'b'], 'a'], [[1]]],
      [{ type: 'map' }, [{ A: 'x' }], [{ A: 1 }, ['x']]],
      [{ type: 'text' }, ['x', { equals: 'x' }, { contains: 'x' }, { matches: '^x' }], [{ equals: 'x', contains: 'y' }, { starts: 'x' }, 5]],
    ];
    for (const [spec, good, bad] of table) {
      const check = ajv.compile(of(spec));
      const validate = (_: unknown, v: unknown) => check(v);
      for (const v of good) assert.equal(validate(spec, v), true, `${spec.type} accepts ${JSON.stringify(v)}`);
      for (const v of bad) assert.equal(validate(spec, v), false, `${spec.type} refuses ${JSON.stringify(v)}`);
    }
  });

  it('ships with the extension: package.json contributes it for shipshape-pack.yaml, at the file the build writes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: 'shipshape-pack.yaml', url: './dist/shipshape-pack.schema.json' }]);
    const file = path.join(ROOT, manifest.contributes.yamlValidation[0].url);
    fs.rmSync(file, { force: true });
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--schema-only'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), packSchema(CHECK_KINDS));
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/shipshape-pack\.schema\.json$/m, 'the .vsix includes it');
  });
});
