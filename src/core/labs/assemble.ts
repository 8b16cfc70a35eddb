// The manifest's data (already checked against the schema, possibly with problems) into the Pack model,
// with what the schema cannot check: versions, unique ids, image forms, files, needs, actions, checks.
// Written defensively: a part the schema refused is skipped here (it has its problem already).
import semver from 'semver';
import { version as shipshapeVersion } from '../../../package.json';
import { parseAction } from './load-actions';
import type { CheckKind } from './check';
import { parseCheck, type CheckScope } from './check-specs';
import type { ProblemList } from './manifest';
import type { CheckSpec, Hint, Lab, Pack, PackImage, PackRequirements, PackResources, SourcePosition, Step } from './pack';
import { checkBuildContext, readPackFile, resolveNeeds, type StepNode } from './references';
import type { YamlPath } from '../yaml-positions';

type Data = Record<string, unknown>;
const record = (v: unknown): Data => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Data) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

export interface AssembleContext {
  root: string;
  manifestFile: string;
  kinds: ReadonlyMap<string, CheckKind>;
  at: (path: YamlPath) => SourcePosition;
  problems: ProblemList;
}

function checkVersions(data: Data, { problems }: AssembleContext): void {
  for (const key of ['version', 'minShipshapeVersion'] as const) {
    const raw = data[key];
    if (raw === undefined) continue;
    if (typeof raw !== 'string' || !semver.valid(raw)) {
      const quote = typeof raw === 'number' ? ' in quotes' : '';
      problems.error([key], `${key} ${JSON.stringify(raw)} is not a semver version`, `write major.minor.patch${quote}, e.g. "1.0.0"`);
    }
  }
  const min = text(data.minShipshapeVersion);
  if (min && semver.valid(min) && semver.lt(shipshapeVersion, min))
    problems.error(['minShipshapeVersion'], `this pack needs Shipshape ${min} or later; this is Shipshape ${shipshapeVersion}`, 'update the Shipshape extension (or the shipshape CLI), then open the pack again');
}

/** Reports the second and later uses of an id among siblings. */
function uniqueIds(items: unknown[], path: YamlPath, what: string, key: string, problems: ProblemList): void {
  const noun = what.split(' ')[0];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = text(record(item)[key]);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else problems.error([...path, i, key], `${what} "${id}" is already used by ${path.at(-1)}[${first}]`, `give each ${noun} its own ${key}`);
  });
}

async function parseImages(raw: unknown, ctx: AssembleContext): Promise<PackImage[]> {
  const { problems } = ctx;
  const items = list(raw);
  uniqueIds(items, ['images'], 'image name', 'name', problems);
  const images: PackImage[] = [];
  for (const [i, item] of items.entries()) {
    const at: YamlPath = ['images', i];
    const image = record(item);
    const name = text(image.name);
    if (!name) continue;
    const build = text(image.build);
    const pull = text(image.pull);
    if (build !== undefined && pull !== undefined) {
      problems.error(at, `image "${name}" has both build and pull`, 'keep build: (a context in the pack, works offline) or pull: (a reference), not both');
    } else if (build !== undefined) {
      if (image.digest !== undefined) problems.error([...at, 'digest'], `image "${name}" is built: digest is for pulled images`, 'remove digest:, or pull the image instead');
      const tag = text(image.tag);
      if (!tag) problems.error(at, `image "${name}" is built but has no tag`, 'add tag: the name the built image gets, e.g. mypack/web:1');
      await checkBuildContext(ctx.root, build, text(image.dockerfile), at, problems);
      if (tag) images.push({ name, kind: 'build', context: build, ...(text(image.dockerfile) ? { dockerfile: text(image.dockerfile)! } : {}), tag, at: ctx.at(at) });
    } else if (pull !== undefined) {
      for (const key of ['tag', 'dockerfile'])
        if (image[key] !== undefined) problems.error([...at, key], `image "${name}" is pulled: ${key} is for built images`, `remove ${key}:, or build the image from a context in the pack`);
      images.push({ name, kind: 'pull', reference: pull, ...(text(image.digest) ? { digest: text(image.digest)! } : {}), at: ctx.at(at) });
    } else {
      problems.error(at, `image "${name}" has neither build nor pull`, 'add build: (a context folder in the pack) and tag:, or pull: (an image reference)');
    }
  }
  return images;
}

const TIERS: Hint['tier'][] = ['nudge', 'hint', 'solution'];

function parseHints(raw: unknown, path: YamlPath, problems: ProblemList): Hint[] {
  const hints: Hint[] = [];
  for (const [i, item] of list(raw).entries()) {
    const [tier, value] = Object.entries(record(item))[0] ?? [];
    if (!TIERS.includes(tier as Hint['tier']) || typeof value !== 'string') continue;
    const previous = hints.at(-1);
    if (previous && TIERS.indexOf(tier as Hint['tier']) <= TIERS.indexOf(previous.tier))
      problems.error([...path, i], `hint tier "${tier}" comes after "${previous.tier}"`, 'give the tiers in this order, each at most once: nudge, hint, solution');
    hints.push({ tier: tier as Hint['tier'], text: value });
  }
  return hints;
}

async function parseStep(raw: unknown, path: YamlPath, scope: CheckScope, ctx: AssembleContext): Promise<Step | undefined> {
  const step = record(raw);
  const id = text(step.id);
  const title = text(step.title);
  const bodyFile = text(step.body);
  const body = bodyFile !== undefined ? await readPackFile(ctx.root, bodyFile, [...path, 'body'], ctx.problems) : undefined;
  const points = typeof step.points === 'number' ? step.points : 0;
  const checks = list(step.checks)
    .map((c, i) => parseCheck(c, [...path, 'checks', i], scope))
    .filter((c): c is CheckSpec => c !== undefined);
  const explicit = checks.reduce((sum, c) => sum + (c.points ?? 0), 0);
  if (explicit > points) ctx.problems.warn([...path, 'points'], `the checks' points add up to ${explicit}, more than the step's ${points}`, "raise the step's points, or lower the checks'");
  const hints = parseHints(step.hints, [...path, 'hints'], ctx.problems);
  const [setup, solve, cleanup] = (['setup', 'solve', 'cleanup'] as const).map((k) => parseAction(step[k], [...path, k], ctx.at, ctx.problems));
  if (id === undefined || title === undefined || !body) return undefined;
  return {
    id,
    title,
    body: body.text,
    bodyFile: body.file,
    checks,
    hints,
    points,
    needs: [],
    ...(setup ? { setup } : {}),
    ...(solve ? { solve } : {}),
    ...(cleanup ? { cleanup } : {}),
    at: ctx.at(path),
  };
}

async function parseLab(raw: unknown, path: YamlPath, scope: CheckScope, ctx: AssembleContext): Promise<Lab | undefined> {
  const lab = record(raw);
  const read = async (key: 'intro' | 'recap') => {
    const file = text(lab[key]);
    return file === undefined ? '' : (await readPackFile(ctx.root, file, [...path, key], ctx.problems))?.text;
  };
  const intro = await read('intro');
  const recap = await read('recap');
  const rawSteps = list(lab.steps);
  uniqueIds(rawSteps, [...path, 'steps'], 'step id', 'id', ctx.problems);
  const steps: Step[] = [];
  for (const [i, s] of rawSteps.entries()) {
    const step = await parseStep(s, [...path, 'steps', i], scope, ctx);
    if (step) steps.push(step);
  }
  const id = text(lab.id);
  const title = text(lab.title);
  if (id === undefined || title === undefined || intro === undefined || recap === undefined) return undefined;
  return { id, title, intro, recap, steps, at: ctx.at(path) };
}

/** Qualifies and checks every step's needs (dangling, cycles), filling Step.needs with `lab/step` ids. */
function linkNeeds(rawLabs: unknown[], labs: Lab[], problems: ProblemList): void {
  const nodes: StepNode[] = rawLabs.flatMap((rawLab, li) => {
    const lab = text(record(rawLab).id);
    return list(record(rawLab).steps).flatMap((rawStep, si) => {
      const id = text(record(rawStep).id);
      if (lab === undefined || id === undefined) return [];
      const needs = list(record(rawStep).needs).flatMap((n, ni) => (typeof n === 'string' ? [{ written: n, at: ['labs', li, 'steps', si, 'needs', ni] as YamlPath }] : []));
      return [{ lab, id, needs }];
    });
  });
  const resolved = resolveNeeds(nodes, problems);
  for (const lab of labs) for (const step of lab.steps) step.needs = resolved.get(`${lab.id}/${step.id}`) ?? [];
}

/** The pack, or undefined when a part it needs is missing (problems say why). */
export async function assemblePack(raw: unknown, ctx: AssembleContext): Promise<Omit<Pack, 'contentHash'> | undefined> {
  const data = record(raw);
  checkVersions(data, ctx);
  const images = await parseImages(data.images, ctx);
  // Every image written counts as declared, even one with a problem of its own, so that its problem is not repeated at each check.
  const written = list(data.images).map(record);
  const imageNames = new Set(written.flatMap((i) => [i.name, i.tag, i.pull].filter((x): x is string => typeof x === 'string')));
  const logicalNames = images.map((i) => i.name);
  const scope: CheckScope = { kinds: ctx.kinds, imageNames, logicalNames, at: ctx.at, problems: ctx.problems };
  const rawLabs = list(data.labs);
  uniqueIds(rawLabs, ['labs'], 'lab id', 'id', ctx.problems);
  const labs: Lab[] = [];
  for (const [i, l] of rawLabs.entries()) {
    const lab = await parseLab(l, ['labs', i], scope, ctx);
    if (lab) labs.push(lab);
  }
  linkNeeds(rawLabs, labs, ctx.problems);
  const requires = record(data.requires) as PackRequirements;
  const res = record(data.resources);
  const resources: PackResources = { containers: strings(res.containers), networks: strings(res.networks), volumes: strings(res.volumes), images: strings(res.images), prefixes: strings(res.prefixes) };
  const [id, title, version] = [text(data.id), text(data.title), text(data.version)];
  if (data.schemaVersion !== 1 || id === undefined || title === undefined || version === undefined) return undefined;
  return {
    schemaVersion: 1,
    id,
    title,
    version,
    ...(text(data.minShipshapeVersion) ? { minShipshapeVersion: text(data.minShipshapeVersion)! } : {}),
    description: text(data.description) ?? '',
    requires,
    images,
    resources,
    labs,
    root: ctx.root,
    manifestFile: ctx.manifestFile,
  };
}
