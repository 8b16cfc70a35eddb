import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { ShellParser, ShellScript, scriptOf } from '../../../src/core/dockerfile/shell';
import {
  APT_GET_VALUED, DNF_VALUED, YUM_VALUED, appendPosition, removesDir, rpmHasVersion, rpmInstall, unpinnedRpms,
} from '../../../src/core/lint/package-managers';

describe('core/lint/package-managers', () => {
  let parser: ShellParser;
  before(async () => (parser = await ShellParser.create()));

  const script = (text: string): ShellScript => {
    const model = parseDockerfile(`FROM alpine\nRUN ${text}\n`);
    return parser.parse(scriptOf(model, model.instructions[1]!)!);
  };
  const first = (text: string) => script(text).commands[0]!;

  it('lists the options that take a value', () => {
    assert.ok(APT_GET_VALUED.includes('o') && APT_GET_VALUED.includes('target-release'));
    assert.ok(YUM_VALUED.includes('setopt') && !YUM_VALUED.includes('y'));
    assert.ok(DNF_VALUED.includes('repo'));
  });

  describe('rpmInstall', () => {
    it('finds install, skipping options and their values', () => {
      const found = rpmInstall(first('yum --setopt keepcache=0 -y install httpd mod_ssl'), YUM_VALUED)!;
      assert.equal(found.word.value, 'install');
      assert.equal(found.group, undefined);
      assert.deepEqual(found.rest.map((w) => w.value), ['httpd', 'mod_ssl']);
    });

    it('finds the install of module and group installs', () => {
      const module = rpmInstall(first('dnf -y module install nodejs:20'), DNF_VALUED)!;
      assert.deepEqual([module.group?.value, module.word.value, module.rest.map((w) => w.value)], ['module', 'install', ['nodejs:20']]);
      assert.equal(rpmInstall(first('yum groups install "Dev Tools"'), YUM_VALUED)!.group!.value, 'groups');
    });

    it('takes other subcommands when asked, and nothing else', () => {
      assert.equal(rpmInstall(first('yum groupinstall x'), YUM_VALUED), undefined);
      assert.equal(rpmInstall(first('yum groupinstall x'), YUM_VALUED, ['install', 'groupinstall'])!.word.value, 'groupinstall');
      assert.equal(rpmInstall(first('yum update'), YUM_VALUED), undefined);
      assert.equal(rpmInstall(first('dnf module enable nodejs'), DNF_VALUED), undefined);
    });
  });

  it('rpmHasVersion wants a dash then version characters starting with a digit', () => {
    for (const ok of ['httpd-2.4.6', 'bash-5.1-6.el9', 'kernel-5.14.0-70.el9.x86_64', 'a-1']) assert.ok(rpmHasVersion(ok), ok);
    for (const bad of ['httpd', 'python3-devel', 'nodejs-', 'x-1/2']) assert.ok(!rpmHasVersion(bad), bad);
  });

  it('unpinnedRpms names packages without a version and modules without a stream', () => {
    const words = (text: string) => unpinnedRpms(first(text), YUM_VALUED).map((u) => `${u.word.value}${u.module ? ' (module)' : ''}`);
    assert.deepEqual(words('yum install -y a b-1.2 c.rpm @group $PKG'), ['a']);
    assert.deepEqual(words('yum module install nodejs nodejs:18'), ['nodejs (module)']);
    assert.deepEqual(words('yum group install Tools'), []);
    assert.deepEqual(words('yum remove a'), []);
  });

  it('removesDir counts the dir, what is in it, and parents down to the top', () => {
    const yum = ['/var/cache/yum'];
    assert.ok(removesDir(first('rm -rf /var/cache/yum/*'), yum));
    assert.ok(removesDir(first('rm -rf /var/cache/yum'), yum));
    assert.ok(removesDir(first('rm -rf /var/cache/*'), yum));
    assert.ok(!removesDir(first('rm -rf /var/*'), yum));
    assert.ok(!removesDir(first('ls /var/cache/yum'), yum));
    assert.ok(removesDir(first('rm -rf /var/lib/apt/lists/*'), ['/var/lib/apt'], '/var/lib/apt'));
    assert.ok(!removesDir(first('rm -rf /var/lib/*'), ['/var/lib/apt'], '/var/lib/apt'));
  });

  it('appendPosition goes after the install, or after the pipeline it feeds', () => {
    const plain = script('yum install -y a && echo done');
    assert.deepEqual(appendPosition(plain, plain.commands[0]!), plain.commands[0]!.range.end);
    const piped = script('yum install -y a | tee /log | grep -v x');
    assert.deepEqual(appendPosition(piped, piped.commands[0]!), piped.commands[2]!.range.end);
  });
});
