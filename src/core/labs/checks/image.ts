// A local image: exists, carries a tag, its layer count and size, its default user, its history and
// labels, and whether it was built from a Dockerfile in the workspace (see ../image-history.ts).
import { CGROUP_BYTES, formatBytes } from '../../containers/bytes';
import { defineCheck, observe, type CheckContext, type Observation } from '../check';
import type { LabImage } from '../daemon';
import { existence, labelObservations } from '../existence';
import { compareWithDockerfile, historyInstruction, sitsOnBase } from '../image-history';

const ROOT_USERS = new Set(['', 'root', '0']);

/** The repository of a reference, for a tag written without one: `web:1` → `web`. */
function repositoryOf(reference: string): string {
  const noDigest = reference.split('@')[0]!;
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > lastSlash ? noDigest.slice(0, colon) : noDigest;
}

/** `Config.User` names root when it is empty, root or 0 (with or without a group). */
export const isRootUser = (user: string | undefined) => ROOT_USERS.has((user ?? '').split(':')[0]!.trim());

async function builtFrom(reference: string, file: string, ctx: CheckContext): Promise<Observation[]> {
  const build = `docker build -t ${reference} -f ${file} .`;
  const rebuild = `rebuild it: ${build}`;
  const text = await ctx.readFile(file);
  if (text === undefined) return [observe('builtFrom', false, `built from ${file}`, `no file ${file} in the workspace`, `write ${file}, then build: ${build}`)];
  const history = await ctx.daemon.history(reference);
  const c = compareWithDockerfile(text, history, file);
  const out = [observe('builtFrom', c.ok, c.expected, c.actual, rebuild)];
  if (c.ok && c.base && (await ctx.daemon.image(c.base))) {
    const on = sitsOnBase(history, c.count, await ctx.daemon.history(c.base));
    out.push(observe('builtFrom.base', on, `built FROM ${c.base} as it is on this daemon`, on ? `FROM ${c.base}` : `its lower layers are not ${c.base}'s`, rebuild));
  }
  return out;
}

function properties(reference: string, image: LabImage, f: Record<string, unknown>): Observation[] {
  const out: Observation[] = [];
  if (f.tag !== undefined) {
    const tag = f.tag as string;
    const full = tag.includes(':') || tag.includes('/') ? tag : `${repositoryOf(reference)}:${tag}`;
    out.push(observe('tag', image.RepoTags.includes(full), `tagged ${full}`, `tags ${image.RepoTags.join(', ') || 'none'}`, `docker tag ${reference} ${full}`));
  }
  if (f.maxLayers !== undefined) {
    const layers = image.RootFS.Layers?.length ?? 0;
    const max = f.maxLayers as number;
    out.push(observe('maxLayers', layers <= max, `at most ${max} layer${max === 1 ? "" : "s"}`, `${layers} layer${layers === 1 ? "" : "s"}`, 'fewer filesystem layers: join RUN instructions with && and copy files in one COPY, then rebuild'));
  }
  if (f.maxSize !== undefined) {
    const max = f.maxSize as number;
    out.push(observe('maxSize', image.Size <= max, `at most ${formatBytes(max, CGROUP_BYTES)}`, formatBytes(image.Size, CGROUP_BYTES), 'a smaller image: a slimmer base, a multi-stage build, caches removed in the RUN that makes them'));
  }
  if (f.userNotRoot !== undefined) {
    const user = image.Config.User ?? '';
    const root = isRootUser(user);
    const shown = user ? `user ${user}` : 'no USER (root)';
    out.push(f.userNotRoot
      ? observe('userNotRoot', !root, 'a user other than root', shown, 'add a USER instruction (after creating the user) and rebuild')
      : observe('userNotRoot', root, 'runs as root', shown, 'remove the USER instruction and rebuild'));
  }
  if (f.labels !== undefined) out.push(...labelObservations(f.labels as Record<string, string>, image.Config.Labels, (k, v) => `add LABEL ${k}="${v}" to the Dockerfile and rebuild`));
  return out;
}

export default defineCheck({
  meta: {
    kind: 'image',
    description:
      'A local image: whether it exists, a tag it carries, how many layers and bytes it has, whether its default user is root, ' +
      'what its history contains, its labels, and whether it was built from a Dockerfile in the workspace (its final stage, compared ' +
      'instruction by instruction with the newest history entries: keywords in order, RUN commands, COPY/ADD destinations).',
    fields: {
      image: { type: 'string', required: true, description: 'The image\'s reference (web:1) or id.' },
      exists: { type: 'boolean', description: 'Whether the image must exist (default true); false checks it was removed.' },
      tag: { type: 'string', description: 'A tag the image must also carry: `latest` (the same repository) or a full `repo:tag`.' },
      maxLayers: { type: 'integer', description: 'At most this many filesystem layers.' },
      maxSize: { type: 'bytes', unit: 'bytes (5m, 1.5g)', description: 'At most this big (the daemon\'s Size, 1024-based units).' },
      userNotRoot: { type: 'boolean', description: 'true: Config.User is set and is neither root nor 0; false: it runs as root.' },
      historyContains: { type: 'string', description: 'Text one history entry contains, as recorded (`/bin/sh -c apk add`) or as an instruction (`USER app`).' },
      labels: { type: 'map', description: 'Labels the image carries, with these values.' },
      builtFrom: { type: 'string', description: 'A Dockerfile in the workspace the image was built from (its final stage).' },
    },
    triggers: ['images'],
    examples: [
      { title: 'The student built the web image from their Dockerfile', yaml: 'kind: image\nimage: shop/web:1\nbuiltFrom: web/Dockerfile' },
      { title: 'Small, few layers, not root', yaml: 'kind: image\nimage: shop/web:1\nmaxLayers: 5\nmaxSize: 20m\nuserNotRoot: true' },
      { title: 'A label and a tag', yaml: 'kind: image\nimage: shop/web:1\ntag: latest\nlabels: {org.opencontainers.image.version: "1"}' },
    ],
  },
  title: (f) => (f.builtFrom ? `image ${f.image} built from ${f.builtFrom}` : f.exists === false ? `image ${f.image} is gone` : `image ${f.image}`),
  async run(f, ctx) {
    const reference = f.image as string;
    const image = await ctx.daemon.image(reference);
    const { observation, goOn } = existence({
      noun: 'image', name: reference, wanted: f.exists !== false, found: image !== undefined,
      create: f.builtFrom ? `build it: docker build -t ${reference} -f ${f.builtFrom} .` : `build it (docker build -t ${reference} .) or pull it`, remove: `remove it: docker rmi ${reference}`,
    });
    const out = [observation];
    if (!goOn) return out;
    out.push(...properties(reference, image!, f));
    if (f.historyContains !== undefined) {
      const text = f.historyContains as string;
      const lines = (await ctx.daemon.history(reference)).map((h) => h.CreatedBy);
      const found = lines.find((l) => l.includes(text) || (({ keyword, text: t }) => `${keyword} ${t}`)(historyInstruction(l)).includes(text));
      out.push(observe('historyContains', found !== undefined, `an entry with "${text}"`, found ?? `none among ${lines.length} entries`, `add the instruction to the Dockerfile and rebuild`));
    }
    if (f.builtFrom !== undefined) out.push(...(await builtFrom(reference, f.builtFrom as string, ctx)));
    return out;
  },
});
