// The check-kind reference of docs/packs.md, generated from each kind's meta (scripts/gen-pack-docs.mjs
// writes it; a test fails when the committed section differs from what this renders now).
import type { CheckKind, CheckMeta, CheckTrigger } from './check';
import type { FieldSpec } from './fields';

export const CHECK_KINDS_START = '<!-- check-kinds:start — generated from each kind\'s meta (fields, descriptions, examples) by `npm run docs`; do not edit by hand -->';
export const CHECK_KINDS_END = '<!-- check-kinds:end -->';

/** The daemon events each trigger stands for (src/core/containers/events.ts, src/docker/lab-events.ts). */
const TRIGGER_WORDS: Record<CheckTrigger, string> = {
  container: 'container events (create, start, die, stop, destroy, update, rename, …)',
  images: 'image events (pull, build, tag, untag, delete, …)',
  networks: 'network events (create, connect, disconnect, destroy)',
  volumes: 'volume events (create, destroy)',
  none: 'no events',
  swarm: 'swarm events (services, nodes, secrets, configs)',
};

const TYPE_WORDS: Record<FieldSpec['type'], string> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  number: 'number',
  bytes: 'bytes',
  cpus: 'CPUs',
  duration: 'duration',
  port: 'port',
  'port[]': 'port, or a list of ports',
  enum: 'enum',
  'string[]': 'list of strings',
  'true-or-list': '`true`, or a list of strings',
  map: 'map',
  text: 'text',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** "bytes: 256m, 1g", "one of `running`, `exited`", "text". */
export function fieldTypeWords(spec: FieldSpec): string {
  if (spec.type === 'enum') return `one of ${(spec.values ?? []).map((v) => `\`${v}\``).join(', ')}`;
  return spec.unit ? `${TYPE_WORDS[spec.type]}: ${spec.unit}` : TYPE_WORDS[spec.type];
}

/** What makes an open step re-run a check of this kind. */
export function reRunWords(meta: CheckMeta): string {
  const events = meta.triggers.filter((t) => t !== 'none');
  if (!events.length) return 'on **Check**, and at the check\'s `interval` while the step panel is visible (daemon events cannot tell when its result changes)';
  return `on **Check**, and when an open step sees ${events.map((t) => TRIGGER_WORDS[t]).join(' or ')}`;
}

function renderKind(meta: CheckMeta): string[] {
  const out = [`### \`${meta.kind}\``, '', meta.description, '', `- Re-run: ${reRunWords(meta)}.`];
  out.push(meta.needsTrust ? '- Trusted workspaces only: it runs the pack\'s own commands, so in an untrusted workspace it is held back (errored, saying why).' : '- Runs in any workspace, trusted or not.');
  if (meta.answeredByStudent) out.push('- Answered by the student in the step panel: `shipshape labs test` (the self-test) leaves it out.');
  out.push('', '| field | type | required | description |', '| --- | --- | --- | --- |');
  for (const [name, spec] of Object.entries(meta.fields)) out.push(`| \`${name}\` | ${cell(fieldTypeWords(spec))} | ${spec.required ? 'yes' : 'no'} | ${cell(spec.description)} |`);
  out.push('');
  for (const example of meta.examples) out.push(`${example.title}:`, '', '```yaml', example.yaml.trimEnd(), '```', '');
  return out;
}

/** The section between the markers (markers included), for these kinds in registry order. */
export function renderCheckKinds(kinds: readonly CheckKind[]): string {
  const out = [
    CHECK_KINDS_START,
    '## Check kinds',
    '',
    `${kinds.length} kinds. Each takes the common fields above plus its own; a check passes when every field it gives holds.`,
    'A check that cannot be judged (the daemon unreachable, a read or a command that fails or times out) is **errored**, with the reason, never failed.',
    '',
    '| kind | what it checks | re-run on events | trusted only |',
    '| --- | --- | --- | --- |',
    ...kinds.map(({ meta }) => `| [\`${meta.kind}\`](#${meta.kind}) | ${cell(meta.description.split(/(?<=\.)\s/)[0]!)} | ${meta.triggers.filter((t) => t !== 'none').join(', ') || 'no: on Check and at its interval'} | ${meta.needsTrust ? 'yes' : ''} |`),
    '',
  ];
  for (const { meta } of kinds) out.push(...renderKind(meta));
  out.push(CHECK_KINDS_END);
  return out.join('\n');
}

/** `doc` with its check-kinds section replaced; throws when the markers are missing or out of order. */
export function withCheckKinds(doc: string, kinds: readonly CheckKind[]): string {
  const start = doc.indexOf('<!-- check-kinds:start');
  const end = doc.indexOf(CHECK_KINDS_END);
  if (start < 0 || end < start) throw new Error(`docs/packs.md has no "<!-- check-kinds:start … -->" … "${CHECK_KINDS_END}" markers: put them where the check-kind reference goes`);
  return doc.slice(0, start) + renderCheckKinds(kinds) + doc.slice(end + CHECK_KINDS_END.length);
}
