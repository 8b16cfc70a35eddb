// What the package-manager rules know about the tools they check: the options that take a value (so the value
// is not read as the subcommand or a package), the words that install, and where a clean-up has to go.
import type { Instruction, Position } from '../dockerfile/model';
import type { ShellCommand, ShellScript, ShellWord } from '../dockerfile/shell';
import { positionalArgs } from '../dockerfile/shell';

/** apt-get (and apt) options that take a value. */
export const APT_GET_VALUED: readonly string[] = ['o', 'option', 'c', 'config-file', 't', 'target-release', 'default-release', 'a', 'host-architecture'];

/** apk options that take a value. */
export const APK_VALUED: readonly string[] = [
  't', 'virtual', 'X', 'repository', 'p', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'timeout', 'cache-max-age', 'progress-fd', 'wait',
];

/** yum options that take a separate value. */
export const YUM_VALUED: readonly string[] = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'x', 'exclude', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'setopt', 'R',
  'randomwait', 'downloaddir', 'color', 'rpmverbosity', 'disableplugin', 'enableplugin', 'disableexcludes', 'repofrompath',
];

/** The dnf family: dnf and microdnf take the same options. */
export const DNF_TOOLS: readonly string[] = ['dnf', 'microdnf'];

/** The dnf subcommands (and aliases) that install packages, as hadolint main's DL3040 lists them. */
export const DNF_INSTALLS: readonly string[] = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

/** The dnf subcommands that install packages a version can be given for: `install` and its alias `in`. */
export const DNF_PINNABLE: readonly string[] = ['install', 'in'];

/** dnf options that take a separate value. */
export const DNF_VALUED: readonly string[] = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'x', 'exclude', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid',
  'setopt', 'forcearch', 'disableplugin', 'enableplugin', 'color', 'destdir', 'downloaddir', 'comment', 'rpmverbosity',
  'disableexcludes', 'repofrompath', 'from-repo', 'setvar',
];

/** zypper's global options (before the subcommand) that take a separate value. */
export const ZYPPER_GLOBAL_VALUED: readonly string[] = [
  'c', 'config', 'userdata', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'R', 'root', 'installroot',
  'releasever',
];

/** `zypper install` options (after the subcommand) that take a separate value. */
export const ZYPPER_INSTALL_VALUED: readonly string[] = ['r', 'repo', 'from', 't', 'type', 'p', 'plus-repo', 'download', 'plus-content'];

/** pip's general options that take a separate value (they may come before `install`). */
export const PIP_GENERAL_VALUED: readonly string[] = [
  'proxy', 'retries', 'timeout', 'exists-action', 'trusted-host', 'cert', 'client-cert', 'cache-dir', 'log', 'python', 'use-feature',
  'use-deprecated', 'keyring-provider',
];

/** `pip install` options that take a value (hadolint's list plus the other common ones), so their value is not a package. */
export const PIP_INSTALL_VALUED: readonly string[] = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation', 'no-binary', 'only-binary', 'platform',
  'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy',
  'log', 'cache-dir', 'timeout', 'retries', 'exists-action', 'cert', 'client-cert', 'global-option', 'config-settings', 'C', 'python', 'report', 'use-feature',
  'keyring-provider', 'c', 'constraint', 'r', 'requirement', 'root-user-action', 'group', 'install-option', 'resume-retries', 'use-deprecated',
];

/** `pipx install` options that take a separate value. */
export const PIPX_INSTALL_VALUED: readonly string[] = ['python', 'pip-args', 'suffix', 'index-url', 'preinstall', 'spec'];

/** npm options that take a value. */
export const NPM_VALUED: readonly string[] = [
  'loglevel', 'registry', 'prefix', 'C', 'cache', 'userconfig', 'globalconfig', 'tag', 'omit', 'include', 'install-strategy', 'w', 'workspace', 'save-prefix',
  'before', 'location', 'otp', 'cafile', 'ca', 'cert', 'key', 'proxy', 'https-proxy', 'noproxy', 'fetch-retries', 'fetch-timeout', 'script-shell', 'node-options',
];

/** `gem install` options that take a value. */
export const GEM_INSTALL_VALUED: readonly string[] = [
  'i', 'install-dir', 'n', 'bindir', 's', 'source', 'platform', 'P', 'trust-policy', 'build-root', 'target-rbconfig', 'g', 'file', 'p', 'http-proxy',
  'config-file',
];

/** `pipx`, which installs applications each in its own environment. */
export const PIPX = /^pipx$/;
/** `pip`, `pip3`, `pip3.12`. */
export const PIP = /^pip(\d+(\.\d+)*)?$/;
/** `python`, `python3`, `python3.12` (for `python -m pip`). */
export const PYTHON = /^python(\d+(\.\d+)*)?$/;

const GROUPS = ['module', 'group', 'groups'];

export interface RpmInstall {
  /** The word that installs: `install` (or another of the subcommands asked for), or the `install` after a group word. */
  word: ShellWord;
  /** `module`, `group` or `groups` in `yum module install …`; undefined for a plain install. */
  group: ShellWord | undefined;
  /** The words after `word`: packages, modules or groups. */
  rest: ShellWord[];
}

/** `yum|dnf|microdnf install …` (or one of `subcommands`), `… module install …` and `… group(s) install …`; undefined for anything else. */
export function rpmInstall(command: ShellCommand, valued: readonly string[], subcommands: readonly string[] = ['install']): RpmInstall | undefined {
  const positional = positionalArgs(command, valued);
  const [first, second] = positional;
  if (first && subcommands.includes(first.value)) return { word: first, group: undefined, rest: positional.slice(1) };
  if (first && second?.value === 'install' && GROUPS.includes(first.value)) return { word: second, group: first, rest: positional.slice(2) };
  return undefined;
}

const VERSION_PART = /^[A-Za-z0-9.~^_:+]+$/;
const STARTS_WITH_DIGIT = /^[0-9]/;

/** An rpm package name with a version, `name-version[-release]`: some part after a dash starts with a digit and all are version characters. */
export function rpmHasVersion(pkg: string): boolean {
  const parts = pkg.split('-').slice(1);
  return parts.length > 0 && parts.every((p) => VERSION_PART.test(p)) && parts.some((p) => STARTS_WITH_DIGIT.test(p));
}

export interface UnpinnedRpm {
  word: ShellWord;
  /** A module of `module install`, which is pinned with `:<stream>` rather than a version. */
  module: boolean;
}

const VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/** The names a word expands (`$V`, `${V}`, `${V:-x}`). */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!);
}

/**
 * The ENV and ARG names set before `instruction` in its stage and in the stages it is built FROM (an ONBUILD
 * trigger sees what its ONBUILD's stage set): what a `pkg-${VERSION}` can take its version from.
 */
export function namesSetBefore(instruction: Instruction): Set<string> {
  const at = instruction.onbuildParent ?? instruction;
  const names = new Set<string>();
  for (let stage = at.stage; stage; stage = stage.parent) {
    for (const i of stage.instructions) {
      if (stage === at.stage && i === at) break;
      if (i.keyword === 'ENV' || i.keyword === 'ARG') for (const p of i.properties) names.add(p.key);
    }
  }
  return names;
}

/**
 * A package word whose version comes from a variable (`git-core-${VERSION}`): pinned when a name it expands is set by
 * ENV or ARG in scope (hadolint main reads it the same way; it also counts ARGs of unrelated stages, which are not in
 * scope). A word that is only a variable (`$PACKAGES`) may be a whole list and is left alone.
 */
function variablePinned(pkg: string, defined: ReadonlySet<string>): boolean | undefined {
  const names = variablesIn(pkg);
  // `$(…)` and a word without a dash (a whole list, perhaps) cannot be judged.
  if (names.length === 0 || !pkg.includes('-')) return undefined;
  return names.some((n) => defined.has(n));
}

/**
 * What `yum|dnf|microdnf install` (or one of `subcommands`) installs without a version (`name-<version>`), and what
 * `module install` installs without a stream (`name:<stream>`). .rpm files and @groups cannot be pinned this way; a
 * group install names groups, not packages. `defined` are the variable names in scope, for versions taken from them.
 */
export function unpinnedRpms(
  command: ShellCommand,
  valued: readonly string[],
  defined: ReadonlySet<string> = new Set(),
  subcommands: readonly string[] = ['install'],
): UnpinnedRpm[] {
  const install = rpmInstall(command, valued, subcommands);
  if (!install || (install.group && install.group.value !== 'module')) return [];
  const module = install.group !== undefined;
  const out: UnpinnedRpm[] = [];
  for (const word of install.rest) {
    const pkg = word.value;
    if (pkg.endsWith('.rpm') || pkg.startsWith('@') || pkg === '') continue;
    if (word.dynamic) {
      if (variablePinned(pkg, defined) === false) out.push({ word, module });
    } else if (module ? !pkg.includes(':') : !rpmHasVersion(pkg)) out.push({ word, module });
  }
  return out;
}

const TRAILING_GLOB = /\/\*?$/;

/**
 * `rm` of one of `dirs`, of something inside one, or of a parent no shallower than `top`: `rm -rf /var/cache/*`
 * empties /var/cache/yum too, `rm -rf /var/*` is not counted.
 */
export function removesDir(command: ShellCommand, dirs: readonly string[], top = '/var/cache'): boolean {
  if (command.name !== 'rm') return false;
  return positionalArgs(command).some((arg) => {
    const path = arg.value.replace(TRAILING_GLOB, '');
    return dirs.some((dir) => path.startsWith(dir) || (path.length >= top.length && dir.startsWith(path)));
  });
}

function after(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/** Where ` && <clean>` goes after an install: right after it, or after the whole pipeline the install feeds. */
export function appendPosition(script: ShellScript, install: ShellCommand): Position {
  if (!install.inPipeline) return install.range.end;
  let end = install.range.end;
  for (const command of script.commands) if (after(command.range.end, end)) end = command.range.end;
  return end;
}
