// namespace: one of a running container's namespaces is private, the host's, or shared with another
// container, as the internals model classifies it by inode across every running container.
import { NAMESPACE_TYPES, type NamespaceInternals, type NamespaceType } from '../../internals/model';
import { defineCheck, observe } from '../check';
import { CONTAINER_FIELD, findTarget, missing, nameOf, startHint, stateText } from './target';

const SHARING = ['private', 'host', 'shared'] as const;
type Fields = { container: string; namespace: NamespaceType; is?: (typeof SHARING)[number]; with?: string };

/** The docker run flag that sets each namespace's mode; mnt and time have none. */
const FLAG: Partial<Record<NamespaceType, string>> = { pid: '--pid', net: '--network', ipc: '--ipc', uts: '--uts', user: '--userns', cgroup: '--cgroupns' };
/** Namespaces a container can join another container's with `container:<name>`. */
const JOINABLE: readonly NamespaceType[] = ['pid', 'net', 'ipc'];
/** Namespaces that can be the host's through a flag. */
const HOSTABLE: readonly NamespaceType[] = ['pid', 'net', 'ipc', 'uts', 'user', 'cgroup'];

function sharingText(ns: NamespaceInternals): string {
  const from = ns.inode === null ? ' (from HostConfig: the inode could not be read)' : '';
  if (ns.sharing === null) return `unknown${from}`;
  if (ns.sharing === 'container') return `shared with ${ns.members.length ? ns.members.join(', ') : ns.with}${from}`;
  return `${ns.sharing === 'host' ? "the host's" : 'private'}${from}`;
}

function hint(type: NamespaceType, want: Fields['is'], ns: NamespaceInternals, other: string | undefined): string {
  const flag = FLAG[type];
  if (want === 'host') return flag && HOSTABLE.includes(type) ? `re-create the container with \`${flag} host\`` : `Docker cannot give a container the host's ${type} namespace`;
  if (want === 'shared') {
    if (!JOINABLE.includes(type)) return `Docker can share only the pid, net and ipc namespaces with another container, not ${type}`;
    const target = other ?? 'OTHER';
    return `re-create the container with \`${flag} container:${target}\`${type === 'ipc' ? ` (${target} must run with \`--ipc shareable\`)` : ''}`;
  }
  if (type === 'user') return 'a container gets a user namespace of its own only from a daemon run with userns-remap (or rootless)';
  if (type === 'cgroup' || type === 'ipc') return `re-create the container with \`${flag} private\``;
  if (!flag) return `Docker gives every container a ${type} namespace of its own: see what made this one shared with \`docker inspect\``;
  return ns.declared && ns.declared !== 'default' ? `re-create the container without \`${flag} ${ns.declared}\`` : `re-create the container without \`${flag}\``;
}

export default defineCheck({
  meta: {
    kind: 'namespace',
    description: "One of a running container's namespaces is private, the host's, or shared with another container, judged by the namespace's inode (as `shipshape internals` shows it).",
    fields: {
      container: CONTAINER_FIELD,
      namespace: { type: 'enum', values: NAMESPACE_TYPES, required: true, description: 'Which namespace: pid, net, ipc, uts, mnt, user, cgroup or time.' },
      is: { type: 'enum', values: SHARING, description: "private (its own), host (the host's) or shared (with another container); shared when only `with` is given." },
      with: { type: 'string', description: 'For shared: the container it must share the namespace with, by name or id.' },
    },
    triggers: ['container'],
    examples: [
      { title: "A debugging sidecar in the app's PID namespace", yaml: 'kind: namespace\ncontainer: sample-debug\nnamespace: pid\nis: shared\nwith: sample-app' },
      { title: "On the host's network", yaml: 'kind: namespace\ncontainer: sample-web\nnamespace: net\nis: host' },
      { title: 'An IPC namespace of its own', yaml: 'kind: namespace\ncontainer: sample-web\nnamespace: ipc\nis: private' },
    ],
  },
  concerns: (f) => [f.container as string, ...(typeof f.with === 'string' ? [f.with] : [])],
  title(fields) {
    const f = fields as Fields;
    const is = f.is ?? (f.with ? 'shared' : 'private');
    const how = is === 'host' ? "is the host's" : is === 'private' ? 'is private' : `is shared with ${f.with ?? 'another container'}`;
    return `container ${f.container}'s ${f.namespace} namespace ${how}`;
  },
  async run(fields, ctx) {
    const f = fields as Fields;
    const want = f.is ?? (f.with ? 'shared' : undefined);
    if (!want) return [observe('is', false, 'private, host or shared', 'not given', 'add `is: private`, `is: host` or `is: shared` (with `with:`) to the check')];
    // Namespaces belong to processes: a container that is not running has none.
    const target = await findTarget(ctx, f.container, { running: true });
    if (!target.container) return target.failed;
    let otherName: string | undefined;
    if (want === 'shared' && f.with) {
      const other = await ctx.daemon.container(f.with);
      if (!other) return [missing(f.with, 'with')];
      if (!other.State.Running || other.State.Paused) return [observe('with', false, `${f.with} running`, stateText(other), startHint(other))];
      otherName = nameOf(other);
    }
    const internals = await ctx.daemon.internals(target.container.Id);
    const ns = internals.namespaces.find((n) => n.type === f.namespace);
    if (!ns) return [observe('namespace', false, `a ${f.namespace} namespace`, 'none reported', 'this engine does not report that namespace')];
    let ok: boolean;
    let expected: string;
    if (want === 'shared') {
      ok = ns.sharing === 'container' && (otherName === undefined || ns.members.includes(otherName) || ns.owner === otherName);
      expected = `shared with ${otherName ?? 'another container'}`;
    } else {
      ok = ns.sharing === (want === 'host' ? 'host' : 'private');
      expected = want === 'host' ? "the host's" : 'private';
    }
    return [observe(`${f.namespace} namespace`, ok, expected, sharingText(ns), hint(f.namespace, want, ns, otherName ?? f.with))];
  },
});
