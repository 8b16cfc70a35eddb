import type { Flag, Range } from '../../dockerfile/model';
import { FLAG_SPECS, knownFlags } from '../../dockerfile/flags';
import { csvFields } from '../../dockerfile/mounts';
import { closest } from '../../dockerfile/spelling';
import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';
import type { Report } from '../types';

const BOOLEAN = /^(true|false)$/i;
// COPY --from names a stage, a stage index or an image: none of them starts with a symbol.
const FROM_VALUE = /^[a-zA-Z0-9]/;
const OCTAL_MODE = /^(0o)?[0-7]{1,5}$/;
// chmod(1) symbolic modes, accepted by --chmod since Dockerfile 1.14: u+x, go=rX, a+rX,go-w.
const SYMBOLIC_MODE = /^[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+(?:,[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+)*$/;
// os/arch[/variant], or a lone os or architecture such as linux or arm64.
const PLATFORM = /^(?:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+){1,2}|[A-Za-z0-9_]+)$/;
const INTEGER = /^[+-]?\d+$/;
const CHECKSUM = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128}|[a-f0-9]{40}|[a-f0-9]{64})$/;
const GO_BOOL = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;
const UNSIGNED = /^\d+$/;

const NETWORKS = ['default', 'none', 'host'];
const SECURITY = ['sandbox', 'insecure'];
const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING = ['shared', 'private', 'locked'];
const MOUNT_KEYS = [
  'type', 'from', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'readwrite', 'rw',
  'id', 'sharing', 'required', 'mode', 'uid', 'gid', 'size', 'env',
];
const MOUNT_KEY_SET = new Set(MOUNT_KEYS);
// Options that may be given without `=value`.
const MOUNT_SWITCHES = new Set(['readonly', 'ro', 'readwrite', 'rw', 'required']);
const FILE_INFO_TYPES = new Set(['cache', 'secret', 'ssh']);

function within(flag: Flag, offset: number, length: number): Range {
  const r = flag.valueRange!;
  // A quoted value no longer lines up with the text: point at all of it.
  if (r.start.line !== r.end.line || flag.unquoted !== flag.value) return r;
  return { start: { line: r.start.line, character: r.start.character + offset }, end: { line: r.start.line, character: r.start.character + offset + length } };
}

function notFor(option: string, types: string, type: string): string {
  return `\`${option}\` only applies to ${types}, not to type=${type}`;
}

function checkMount(flag: Flag, report: (r: Report) => void): void {
  const value = flag.unquoted!;
  // Fixes edit inside the value, so they need the value as written (no quotes to shift the offsets).
  const aligned = value === flag.value && flag.valueRange!.start.line === flag.valueRange!.end.line;
  const fields = csvFields(value);
  let type = 'bind';
  for (const f of fields) {
    const eq = f.text.indexOf('=');
    if (eq > 0 && f.text.slice(0, eq).toLowerCase() === 'type') type = f.text.slice(eq + 1).toLowerCase();
  }
  const knownType = MOUNT_TYPES.includes(type) || type.includes('$');
  const keys = new Set<string>();
  for (const f of fields) {
    const range = within(flag, f.offset, f.text.length);
    const eq = f.text.indexOf('=');
    const key = (eq === -1 ? f.text : f.text.slice(0, eq)).toLowerCase();
    const fieldValue = eq === -1 ? null : f.text.slice(eq + 1);
    keys.add(key);
    if (fieldValue === null) {
      if (key === '') continue;
      if (!MOUNT_SWITCHES.has(key)) {
        report({ range, message: `Mount option \`${f.text}\` needs a value: write \`${f.text}=<value>\`` });
        continue;
      }
    } else if (fieldValue.includes('$')) {
      continue; // expanded at build time
    }
    if (!MOUNT_KEY_SET.has(key)) {
      const suggestion = closest(key, MOUNT_KEYS);
      report({
        range,
        message: `Unknown mount option \`${key}\`${suggestion ? `: did you mean \`${suggestion}\`?` : `: use ${MOUNT_KEYS.slice(0, 16).join(', ')}`}`,
        fixes: suggestion && aligned ? [fix(`Change to ${suggestion}`, replace(within(flag, f.offset, key.length), suggestion))] : [],
      });
      continue;
    }
    switch (key) {
      case 'type':
        if (!knownType) {
          const suggestion = closest(type, MOUNT_TYPES);
          const valueRange = within(flag, f.offset + eq + 1, fieldValue!.length);
          report({
            range,
            message: `Unknown mount type \`${fieldValue}\`: use ${MOUNT_TYPES.join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
            fixes: suggestion && aligned ? [fix(`Change to ${suggestion}`, replace(valueRange, suggestion))] : [],
          });
        }
        break;
      case 'sharing':
        if (!SHARING.includes(fieldValue!.toLowerCase())) report({ range, message: `Mount \`sharing=${fieldValue}\` must be shared, private or locked` });
        else if (knownType && type !== 'cache') report({ range, message: notFor('sharing', 'cache mounts', type) });
        break;
      case 'mode':
        if (!/^[0-7]+$/.test(fieldValue!)) report({ range, message: `Mount \`mode=${fieldValue}\` must be an octal file mode, e.g. mode=0755` });
        else if (knownType && !FILE_INFO_TYPES.has(type)) report({ range, message: notFor('mode', 'cache, secret and ssh mounts', type) });
        break;
      case 'uid':
      case 'gid':
        if (!UNSIGNED.test(fieldValue!)) report({ range, message: `Mount \`${key}=${fieldValue}\` must be a number` });
        else if (knownType && !FILE_INFO_TYPES.has(type)) report({ range, message: notFor(key, 'cache, secret and ssh mounts', type) });
        break;
      case 'size':
        if (knownType && type !== 'tmpfs') report({ range, message: notFor('size', 'tmpfs mounts', type) });
        break;
      case 'required':
        if (knownType && type !== 'secret' && type !== 'ssh') report({ range, message: notFor('required', 'secret and ssh mounts', type) });
        else if (fieldValue !== null && !GO_BOOL.test(fieldValue)) report({ range, message: `Mount \`${key}=${fieldValue}\` expects true or false` });
        break;
      case 'readonly':
      case 'ro':
      case 'readwrite':
      case 'rw':
        if (fieldValue !== null && !GO_BOOL.test(fieldValue)) report({ range, message: `Mount \`${key}=${fieldValue}\` expects true or false` });
        break;
      case 'from':
        if (type === 'secret') report({ range, message: 'A secret mount cannot have `from`' });
        break;
    }
  }
  if (type === 'secret' && !keys.has('id') && !keys.has('source') && !keys.has('src') && !keys.has('target') && !keys.has('dst') && !keys.has('destination')) {
    report({ range: flag.valueRange!, message: 'A secret mount needs `id=<secret id>` (or a target path)' });
  }
}

export default defineInstructionRule(
  {
    id: 'InvalidFlagValue',
    source: 'syntax',
    severity: 'error',
    description: 'Flag value that BuildKit rejects',
    rationale:
      'Flag values are checked before anything runs: `--link=yes`, `--network=bridge`, `--retries=-1`, a `--mount` with an unknown type or option, or a `--chmod` that is not a file mode all stop the build. Catching them in the editor saves a build round trip.',
    examples: {
      bad: 'FROM alpine:3.20\nRUN --mount=type=cahce,target=/root/.cache echo hi\n',
      good: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache echo hi\n',
    },
    docs: shipshapeDocs('InvalidFlagValue'),
    fixable: true,
  },
  [...FLAG_SPECS.keys()],
  (instruction, ctx) => {
    for (const { flag, kind } of knownFlags(instruction)) {
      const value = flag.unquoted;
      if (value === null || value === '' || !flag.valueRange) continue;
      const range = flag.valueRange;
      const dynamic = value.includes('$');
      if (kind === 'bool') {
        if (!BOOLEAN.test(value)) ctx.report({ range, message: `\`--${flag.name}\` expects true or false, not \`${value}\`` });
        continue;
      }
      switch (flag.name) {
        case 'from':
          if (!dynamic && !FROM_VALUE.test(value)) {
            ctx.report({ range, message: `Invalid \`--from=${value}\`: name a build stage, a stage index or an image` });
          }
          break;
        case 'chmod':
          if (dynamic) break;
          if (OCTAL_MODE.test(value) ? parseInt(value.replace(/^0o/, ''), 8) > 0o7777 : !SYMBOLIC_MODE.test(value)) {
            ctx.report({ range, message: `Invalid \`--chmod=${value}\`: use an octal mode such as 755 or a symbolic one such as u=rwX,go=rX` });
          }
          break;
        case 'platform':
          if (!dynamic && !PLATFORM.test(value)) {
            ctx.report({ range, message: `Invalid \`--platform=${value}\`: use <os>/<arch>[/<variant>], e.g. linux/amd64` });
          }
          break;
        case 'checksum':
          if (!dynamic && !CHECKSUM.test(value)) {
            ctx.report({ range, message: `Invalid \`--checksum=${value}\`: use a digest such as sha256:<64 hex digits> (or a full git commit hash)` });
          }
          break;
        case 'retries': {
          // HEALTHCHECK flags are not expanded, so a variable is as wrong as any other text.
          const n = INTEGER.test(value) ? Number(value) : NaN;
          if (Number.isNaN(n) || n > 2147483647 || n < -2147483648) ctx.report({ range, message: `\`--retries=${value}\` must be a whole number` });
          else if (n < 0) ctx.report({ range, message: `\`--retries=${value}\` cannot be negative` });
          break;
        }
        case 'network':
          if (!dynamic && !NETWORKS.includes(value)) {
            ctx.report({ range, message: `Invalid \`--network=${value}\`: use default, none or host`, fixes: fixTo(range, value, NETWORKS, value === flag.value) });
          }
          break;
        case 'security':
          if (!dynamic && !SECURITY.includes(value)) {
            ctx.report({ range, message: `Invalid \`--security=${value}\`: use sandbox or insecure`, fixes: fixTo(range, value, SECURITY, value === flag.value) });
          }
          break;
        case 'mount':
          checkMount(flag, ctx.report);
          break;
      }
    }
  },
);

function fixTo(range: Range, value: string, allowed: string[], aligned: boolean) {
  const suggestion = aligned ? closest(value, allowed) : undefined;
  return suggestion ? [fix(`Change to ${suggestion}`, replace(range, suggestion))] : [];
}
