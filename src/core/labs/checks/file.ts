// file: a path in a container exists (or not), is a file, directory or symlink, has a mode, an owner and
// content. Read through the Engine API's archive of the path, so the image needs no tools and a stopped
// container's files can be judged too. Events cannot tell when a file changes: it runs on Check and at its interval.
import { defineCheck, observe, type CheckContext, type Observation } from '../check';
import type { LabFile } from '../daemon';
import { matchText, type TextMatch } from '../fields';
import { CONTAINER_FIELD, commandLine, findTarget, nameOf, printed, wantedText } from './target';

const TYPES = ['file', 'directory', 'symlink'] as const;
type Fields = { container: string; path: string; exists?: boolean; type?: (typeof TYPES)[number]; mode?: string; owner?: string; content?: TextMatch };

/** Content beyond this is not read: a check compares text, not images. */
const MAX_CONTENT = 1024 * 1024;

const octal = (mode: number) => mode.toString(8).padStart(4, '0');
const described = (f: LabFile) => (f.type === 'symlink' ? `a symlink to ${f.linkTarget}` : f.type === 'other' ? 'a special file' : `a ${f.type}`);

/** name → id from /etc/passwd or /etc/group text (name:x:id:…). */
export function idsByName(text: string | undefined): Map<string, number> {
  const ids = new Map<string, number>();
  for (const line of (text ?? '').split('\n')) {
    const [name, , id] = line.split(':');
    if (name && id !== undefined && /^\d+$/.test(id)) ids.set(name, Number(id));
  }
  return ids;
}

async function accounts(ctx: CheckContext, container: string, file: string): Promise<Map<string, number>> {
  const entry = await ctx.daemon.readFile(container, file, { maxBytes: MAX_CONTENT });
  const ids = idsByName(entry?.type === 'file' ? entry.content : undefined);
  // uid and gid 0 are root whatever the image's files say (an image without /etc/passwd still has root).
  if (!ids.has('root')) ids.set('root', 0);
  return ids;
}

async function judgeOwner(ctx: CheckContext, id: string, want: string, entry: LabFile): Promise<{ ok: boolean; actual: string }> {
  const [user, group] = want.split(':') as [string, string | undefined];
  const numeric = (part: string) => /^\d+$/.test(part);
  const users = numeric(user) ? undefined : await accounts(ctx, id, '/etc/passwd');
  const groups = group === undefined || numeric(group) ? undefined : await accounts(ctx, id, '/etc/group');
  const uid = users ? users.get(user) : Number(user);
  const gid = group === undefined ? undefined : groups ? groups.get(group) : Number(group);
  const nameOfId = (ids: Map<string, number> | undefined, n: number) => [...(ids ?? [])].find(([, v]) => v === n)?.[0];
  const names = [nameOfId(users, entry.uid), group === undefined ? undefined : nameOfId(groups, entry.gid)].filter(Boolean);
  const unknown = [uid === undefined ? `no user ${user} in its /etc/passwd` : '', group !== undefined && gid === undefined ? `no group ${group} in its /etc/group` : ''].filter(Boolean);
  const actual = `${entry.uid}:${entry.gid}${names.length ? ` (${names.join(':')})` : ''}${unknown.length ? `; ${unknown.join(', ')}` : ''}`;
  return { ok: uid === entry.uid && (group === undefined || gid === entry.gid), actual };
}

async function judge(ctx: CheckContext, name: string, id: string, f: Fields, entry: LabFile): Promise<Observation[]> {
  const out: Observation[] = [];
  const inContainer = (...argv: string[]) => `\`docker exec ${commandLine([name, ...argv])}\``;
  if (f.exists) out.push(observe('exists', true, `${f.path} in ${name}`, `${described(entry)} at ${f.path}`));
  if (f.type !== undefined) {
    out.push(observe('type', entry.type === f.type, `a ${f.type}`, described(entry), `replace ${f.path} with a ${f.type}`));
  }
  if (f.mode !== undefined) {
    if (!/^[0-7]{3,4}$/.test(f.mode)) {
      out.push(observe('mode', false, 'an octal mode such as 0644', `"${f.mode}"`, 'write the mode in octal, as chmod takes it: "0644", "755"'));
    } else {
      const want = parseInt(f.mode, 8);
      out.push(observe('mode', entry.mode === want, octal(want), octal(entry.mode), `change it with ${inContainer('chmod', octal(want), f.path)}`));
    }
  }
  if (f.owner !== undefined) {
    const { ok, actual } = await judgeOwner(ctx, id, f.owner, entry);
    out.push(observe('owner', ok, f.owner, actual, `change it with ${inContainer('chown', f.owner, f.path)}`));
  }
  if (f.content !== undefined) {
    if (entry.type !== 'file') {
      out.push(observe('content', false, wantedText(f.content), `no content: ${described(entry)}`, `${f.path} must be a file holding ${wantedText(f.content)}`));
    } else {
      const { ok, expected } = matchText(f.content, entry.content ?? '');
      const actual = `${printed(entry.content ?? '')}${entry.truncated ? ` (only the first ${MAX_CONTENT} bytes read)` : ''}`;
      out.push(observe('content', ok, expected, actual, `${f.path} in ${name} must hold ${wantedText(f.content)}`));
    }
  }
  return out;
}

export default defineCheck({
  meta: {
    kind: 'file',
    description:
      'A path in a container exists (or does not), is a file, directory or symlink (a symlink is not followed), and has a mode, an owner and content. Read through the Engine API, so the image needs no tools, and it works on a stopped container too.',
    fields: {
      container: CONTAINER_FIELD,
      path: { type: 'string', required: true, description: 'The absolute path in the container.' },
      exists: { type: 'boolean', description: 'false: passes only when there is nothing at the path (the other fields are then ignored).' },
      type: { type: 'enum', values: TYPES, description: 'What is at the path.' },
      mode: { type: 'string', unit: 'octal (0644, 755)', description: 'Its permission bits, as chmod takes them.' },
      owner: { type: 'string', unit: 'user[:group], by name or id', description: 'Its owner: "1000:1000", "0", "app", "app:users" (names from the container\'s /etc/passwd and /etc/group).' },
      content: { type: 'text', description: 'Its content: a string (equal, blanks around it ignored) or { contains | matches | equals }.' },
    },
    triggers: [],
    examples: [
      { title: 'A config file the student wrote', yaml: 'kind: file\ncontainer: sample-web\npath: /etc/httpd.conf\nmode: "0644"\nowner: root\ncontent: { contains: "H:/srv" }' },
      { title: 'A data folder owned by the app user', yaml: 'kind: file\ncontainer: sample-app\npath: /data\ntype: directory\nowner: "1000:1000"' },
      { title: 'A secret that must not be baked in', yaml: 'kind: file\ncontainer: sample-app\npath: /root/.netrc\nexists: false' },
    ],
  },
  title(fields) {
    const f = fields as Fields;
    if (f.exists === false) return `${f.path} does not exist in ${f.container}`;
    return `${f.path} in ${f.container} ${f.type ? `is a ${f.type}` : f.content ? 'has the content expected' : 'exists'}`;
  },
  async run(fields, ctx) {
    const f = fields as Fields;
    if (!f.path.startsWith('/')) return [observe('path', false, 'an absolute path', f.path, `write it from the root: /${f.path.replace(/^\.?\//, '')}`)];
    const target = await findTarget(ctx, f.container);
    if (!target.container) return target.failed;
    const name = nameOf(target.container);
    // Only the path's stat (no archive of it) unless the owner or the content is asked for.
    const entry = await ctx.daemon.readFile(target.container.Id, f.path, { maxBytes: MAX_CONTENT, statOnly: !f.owner && !f.content });
    if (f.exists === false) {
      return [observe('exists', !entry, `nothing at ${f.path}`, entry ? `${described(entry)} at ${f.path}` : `nothing at ${f.path}`, `remove it with \`docker exec ${commandLine([name, 'rm', '-r', f.path])}\``)];
    }
    if (!entry) {
      const make = f.type === 'directory' ? `\`docker exec ${commandLine([name, 'mkdir', '-p', f.path])}\`` : `\`docker exec\` or \`docker cp\`, or in the image`;
      return [observe(f.exists ? 'exists' : 'path', false, `${f.path} in ${name}`, `nothing at ${f.path}`, `create it with ${make}`)];
    }
    const out = await judge(ctx, name, target.container.Id, f, entry);
    return out.length ? out : [observe('exists', true, `${f.path} in ${name}`, `${described(entry)} at ${f.path}`)];
  },
});
