// The JSON Schema of `shipshape-pack.yaml`: the loader validates with it (ajv) and the extension ships it
// (dist/shipshape-pack.schema.json, contributed through yamlValidation) so YAML-aware editors complete and
// check packs. Checks get one alternative per kind, built from the kind's meta.fields.
import type { CheckKind } from './check';
import type { FieldSpec } from './fields';

type Schema = Record<string, unknown>;

const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
/** Loose on purpose: the loader checks versions with semver and says what is wrong. */
const SEMVER_PATTERN = '^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$';
const DURATION = { type: ['string', 'number'], pattern: '^\\s*\\d+(?:\\.\\d+)?\\s*(?:ms|s|m|h)?\\s*$', description: 'a duration: 500ms, 2s, 1m (a bare number is milliseconds)' };
const BYTES_PATTERN = '^\\s*\\d+(?:\\.\\d+)?\\s*[kKmMgGtT]?[bB]?\\s*$';
const CPUS_PATTERN = '^\\s*\\d+(?:\\.\\d+)?\\s*$';
const PORT_PATTERN = '^(?:(?:\\[[0-9a-fA-F:.]+\\]|[0-9.]+):)?\\d{1,5}:\\d{1,5}(?:/(?:tcp|udp|sctp))?$';

const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const names = (description: string): Schema => ({ type: 'array', description, items: { type: 'string', minLength: 1 }, default: [] });

/** Keys every check has, whatever its kind. */
export const COMMON_CHECK_FIELDS: Record<string, Schema> = {
  kind: str('the check kind (container, ports, image, …)'),
  name: str('shown in results and grades; defaults to a title derived from the fields'),
  points: { type: 'integer', minimum: 0, description: "this check's share of the step's points (default: the step's points split evenly over checks without points)" },
  timeout: { ...DURATION, description: 'wait up to this long for the check to hold (default 0: judge once)' },
  interval: { ...DURATION, description: 'between tries while waiting, and between runs of kinds events cannot cover (default 1s)' },
  stableFor: { ...DURATION, description: 'the check must hold this long before it passes (default 0)' },
  expectBeforeSolve: { enum: ['failed', 'errored', 'passed'], description: "what `shipshape labs test` expects of this check before the step's solve runs (default failed; errored for a check that cannot be judged yet, e.g. of an image the solve builds; passed for one that observes the machine)" },
};

/** A field of a check kind as JSON Schema: types, patterns for units, enum values, the description. */
export function fieldSchema(spec: FieldSpec): Schema {
  const description = spec.unit ? `${spec.description} (${spec.unit})` : spec.description;
  switch (spec.type) {
    case 'string':
      return { type: 'string', description };
    case 'boolean':
    case 'integer':
    case 'number':
      return { type: spec.type, description };
    case 'bytes':
      return spec.unlimited
        ? { anyOf: [{ type: ['string', 'integer'], pattern: BYTES_PATTERN }, { enum: [-1, '-1', 'unlimited'] }], description: `${description}; a size: 256m, 1.5g, 512k, or -1 for no limit` }
        : { type: ['string', 'integer'], pattern: BYTES_PATTERN, description: `${description}; a size: 256m, 1.5g, 512k` };
    case 'cpus':
      return { type: ['string', 'number'], pattern: CPUS_PATTERN, description: `${description}; CPUs: 0.5, 1, 2` };
    case 'duration':
      return { ...DURATION, description: `${description}; a duration: 500ms, 2s, 1m` };
    case 'port':
      return { type: 'string', pattern: PORT_PATTERN, description: `${description}; as docker run -p: 8080:80/tcp` };
    case 'enum':
      return { enum: [...(spec.values ?? [])], description };
    case 'port[]':
      return { type: ['string', 'array'], pattern: PORT_PATTERN, items: { type: 'string', pattern: PORT_PATTERN }, description: `${description}; as docker run -p: 8080:80/tcp` };
    case 'true-or-list':
      return { anyOf: [{ const: true }, { type: 'array', minItems: 1, items: { type: 'string' } }], description: `${description}; true, or a list` };
    case 'string[]':
      return { type: ['string', 'array'], items: { type: 'string' }, description };
    case 'map':
      return { type: 'object', additionalProperties: { type: 'string' }, description };
    case 'text':
      return {
        description: `${description}; a string (equals), or one of equals, contains, matches (a regular expression)`,
        anyOf: [
          { type: 'string' },
          {
            type: 'object',
            minProperties: 1,
            maxProperties: 1,
            additionalProperties: false,
            properties: { equals: { type: 'string' }, contains: { type: 'string' }, matches: { type: 'string', description: 'a JavaScript regular expression' } },
          },
        ],
      };
  }
}

function checkSchema(kinds: readonly CheckKind[]): Schema {
  const base = { type: 'object', required: ['kind'], description: 'a check: its kind, the common fields, and the fields of its kind' };
  // ajv rejects an empty oneOf; with no kinds every kind is unknown, which the loader reports by name.
  if (!kinds.length) return { ...base, properties: COMMON_CHECK_FIELDS };
  return {
    ...base,
    discriminator: { propertyName: 'kind' },
    oneOf: kinds.map((k) => ({
      title: k.meta.kind,
      description: k.meta.description,
      type: 'object',
      additionalProperties: false,
      required: Object.entries(k.meta.fields).filter(([, f]) => f.required).map(([name]) => name),
      properties: {
        ...COMMON_CHECK_FIELDS,
        kind: { const: k.meta.kind, description: k.meta.description },
        ...Object.fromEntries(Object.entries(k.meta.fields).map(([name, f]) => [name, fieldSchema(f)])),
      },
    })),
  };
}

const command: Schema = {
  description: 'a command: a string split into words (no shell), an argument array, or { script } (a shell script: trusted workspaces only)',
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', minItems: 1, items: { type: 'string' } },
    { type: 'object', additionalProperties: false, required: ['script'], properties: { script: { type: 'string', minLength: 1 } } },
  ],
};

const action: Schema = {
  description: 'a list of commands, or { timeout, run } (timeout per command, default 60s)',
  anyOf: [
    { type: 'array', items: command },
    { type: 'object', additionalProperties: false, required: ['run'], properties: { timeout: DURATION, run: { type: 'array', items: command } } },
  ],
};

const hint: Schema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  description: 'one tier: nudge, then hint, then solution',
  properties: { nudge: str('a first nudge'), hint: str('a stronger hint'), solution: str('the near-solution') },
};

function stepSchema(kinds: readonly CheckKind[]): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'body', 'checks'],
    properties: {
      id: str('unique in its lab', { pattern: ID_PATTERN }),
      title: str('the step as the Labs view lists it'),
      body: str('a Markdown file, relative to the manifest'),
      points: { type: 'integer', minimum: 0, default: 0, description: 'points for the step, split over its checks' },
      needs: { type: 'array', items: { type: 'string', pattern: '^(?:[a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*$' }, description: 'steps this one depends on: ids in this lab, or lab-id/step-id' },
      hints: { type: 'array', items: hint },
      setup: action,
      solve: action,
      cleanup: action,
      checks: { type: 'array', minItems: 1, items: checkSchema(kinds) },
    },
  };
}

const image: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  description: 'either built from a context in the pack (build + tag) or pulled (pull, optional digest)',
  properties: {
    name: str('the logical name checks refer to', { pattern: ID_PATTERN }),
    build: str('a context folder inside the pack'),
    dockerfile: str('relative to the context (default Dockerfile)'),
    tag: str('the tag the built image gets'),
    pull: str('an image reference'),
    digest: str('sha256:… the pulled image must have', { pattern: '^sha256:[a-f0-9]{64}$' }),
  },
};

/** The whole manifest's schema, with one check alternative per kind. */
export function packSchema(kinds: readonly CheckKind[]): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Shipshape lab pack (shipshape-pack.yaml)',
    type: 'object',
    additionalProperties: false,
    required: ['schemaVersion', 'id', 'title', 'version', 'labs'],
    properties: {
      schemaVersion: { const: 1, description: 'the manifest format version: 1' },
      id: str('the pack id: progress and the io.shipshape.pack label use it', { pattern: ID_PATTERN }),
      title: str('the pack as the Labs view lists it'),
      version: str('semver; progress is kept per id + version', { pattern: SEMVER_PATTERN }),
      minShipshapeVersion: str('the oldest Shipshape that can run the pack (semver)', { pattern: SEMVER_PATTERN }),
      description: str('what the pack teaches'),
      requires: {
        type: 'object',
        additionalProperties: false,
        description: 'what the host must offer; unmet requirements are explained before the pack runs',
        properties: {
          apiVersion: str('the minimum Engine API version', { pattern: '^\\d+\\.\\d+$' }),
          os: { enum: ['linux'], description: 'a Linux engine' },
          cgroup: { enum: ['v1', 'v2'] },
          swarm: { type: 'boolean', description: 'swarm mode active (true) or not (false)' },
          rootful: { type: 'boolean', description: 'a rootful (true) or rootless (false) daemon' },
        },
      },
      images: { type: 'array', items: image },
      resources: {
        type: 'object',
        additionalProperties: false,
        description: 'what cleanup and reset may remove, besides anything labelled io.shipshape.pack=<id>',
        properties: {
          containers: names('container names'),
          networks: names('network names'),
          volumes: names('volume names'),
          images: names('image references'),
          prefixes: names('name prefixes, for all four kinds'),
        },
      },
      labs: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'title', 'steps'],
          properties: {
            id: str('unique in the pack', { pattern: ID_PATTERN }),
            title: str('the lab as the Labs view lists it'),
            intro: str('a Markdown file shown before the first step'),
            recap: str('a Markdown file shown after the last step'),
            steps: { type: 'array', minItems: 1, items: stepSchema(kinds) },
          },
        },
      },
    },
  };
}
