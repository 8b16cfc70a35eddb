import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, loadPack, type LoadOptions } from '../../../src/core/labs/load';
import { writeTarGz, writeZip, type TarEntry } from './archive-writers';
import { TEST_KINDS } from './kinds';
import { GOOD_FILES, GOOD_MANIFEST, removePacks, tempDir } from './pack-fixture';

const PACK_FILES = { 'shipshape-pack.yaml': GOOD_MANIFEST, ...GOOD_FILES };

/** The good pack's files as tar entries under `prefix`, with the folders they need. */
function tarEntries(prefix = ''): TarEntry[] {
  const folders = new Set<string>();
  for (const name of Object.keys(PACK_FILES)) for (let d = path.posix.dirname(name); d !== '.'; d = path.posix.dirname(d)) folders.add(d);
  return [
    ...(prefix ? [{ name: prefix, type: 'directory' as const }] : []),
    ...[...folders].sort().map((d) => ({ name: `${prefix}${d}/`, type: 'directory' as const })),
    ...Object.entries(PACK_FILES).map(([name, data]) => ({ name: `${prefix}${name}`, data })),
  ];
}

/** Every file and folder under a directory, relative, sorted. */
function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

interface Sandbox {
  dir: string;
  unpackDir: string;
  options: LoadOptions;
}

function sandbox(limits?: LoadOptions['limits']): Sandbox {
  const dir = tempDir('shipshape-archive-test-');
  const unpackDir = path.join(dir, 'unpack');
  return { dir, unpackDir, options: { kinds: TEST_KINDS, unpackDir, ...(limits ? { limits } : {}) } };
}

/** Loads an archive that must be refused: its one problem, printed with the archive's base name. */
async function refusal(archive: string, box: Sandbox): Promise<string> {
  const { pack, problems } = await loadPack(archive, box.options);
  assert.equal(pack, undefined);
  assert.equal(problems.length, 1);
  return formatProblem({ ...problems[0]!, file: path.basename(problems[0]!.file) });
}

describe('core/labs/archive', () => {
  after(removePacks);

  it('loads a .tar.gz whose manifest is inside one top-level folder', async () => {
    const box = sandbox();
    const archive = await writeTarGz(path.join(box.dir, 'sample.tar.gz'), tarEntries('sample/'));
    const { pack, problems } = await loadPack(archive, box.options);
    assert.deepEqual(problems, []);
    assert.equal(pack?.id, 'sample');
    assert.equal(pack.root, path.join(fs.realpathSync(box.unpackDir), 'sample'));
    assert.equal(pack.labs[0]!.steps[1]!.body, GOOD_FILES['labs/first/run-web.md']);
  });

  it('loads a .zip whose manifest is at its root, into a fresh temporary folder by default', async () => {
    const box = sandbox();
    const archive = writeZip(path.join(box.dir, 'sample.zip'), [
      ...Object.entries(PACK_FILES).map(([name, data], i) => ({ name, data, deflate: i % 2 === 0 })),
    ]);
    const { pack, problems } = await loadPack(archive, { kinds: TEST_KINDS });
    assert.deepEqual(problems, []);
    assert.ok(pack);
    try {
      assert.match(path.basename(pack.root), /^shipshape-pack-/);
      assert.equal(fs.readFileSync(path.join(pack.root, 'images/web/Dockerfile'), 'utf8'), 'FROM busybox\n');
    } finally {
      fs.rmSync(pack.root, { recursive: true, force: true });
    }
  });

  it('gives the same content hash to a pack and to its archive', async () => {
    const box = sandbox();
    const fromTar = await loadPack(await writeTarGz(path.join(box.dir, 'a.tgz'), tarEntries()), box.options);
    const fromZip = await loadPack(writeZip(path.join(box.dir, 'a.zip'), Object.entries(PACK_FILES).map(([name, data]) => ({ name, data }))), { ...box.options, unpackDir: path.join(box.dir, 'zip') });
    assert.ok(fromTar.pack && fromZip.pack);
    assert.equal(fromTar.pack.contentHash, fromZip.pack.contentHash);
  });

  it('refuses a tar entry with ../ and writes nothing outside (or inside) the unpack folder', async () => {
    const box = sandbox();
    const archive = await writeTarGz(path.join(box.dir, 'evil.tar.gz'), [...tarEntries(), { name: 'labs/../../evil.txt', data: 'pwned' }]);
    assert.equal(await refusal(archive, box), 'evil.tar.gz:1:1: archive entry "labs/../../evil.txt" escapes the pack folder (..)\n  hint: repack the pack folder without it: no entry may leave the pack folder');
    assert.deepEqual(listing(box.dir), ['evil.tar.gz'], 'the unpack folder is removed, nothing is beside it');
  });

  it('refuses a zip entry with ../', async () => {
    const box = sandbox();
    const archive = writeZip(path.join(box.dir, 'evil.zip'), [{ name: 'shipshape-pack.yaml', data: GOOD_MANIFEST }, { name: '../evil.txt', data: 'pwned' }]);
    assert.equal(await refusal(archive, box), 'evil.zip:1:1: archive entry "../evil.txt" escapes the pack folder (..)\n  hint: repack the pack folder without it: no entry may leave the pack folder');
    assert.deepEqual(listing(box.dir), ['evil.zip']);
  });

  it('refuses an absolute path, in a tar and in a zip', async () => {
    const box = sandbox();
    const target = path.join(box.dir, 'absolute.txt');
    const tarFile = await writeTarGz(path.join(box.dir, 'abs.tar.gz'), [{ name: target, data: 'pwned' }]);
    assert.equal(await refusal(tarFile, box), `abs.tar.gz:1:1: archive entry "${target}" has an absolute path\n  hint: repack the pack folder without it: entries are relative to the pack folder`);
    const zipFile = writeZip(path.join(box.dir, 'abs.zip'), [{ name: target, data: 'pwned' }]);
    assert.equal(await refusal(zipFile, box), `abs.zip:1:1: archive entry "${target}" has an absolute path\n  hint: repack the pack folder without it: entries are relative to the pack folder`);
    assert.deepEqual(listing(box.dir), ['abs.tar.gz', 'abs.zip']);
  });

  it('refuses links: a symlink pointing out of the pack (before a file written through it), a hard link, a zip symlink', async () => {
    const box = sandbox();
    const symlink = await writeTarGz(path.join(box.dir, 'link.tar.gz'), [
      ...tarEntries(),
      { name: 'out', type: 'symlink', linkname: '../..' },
      { name: 'out/evil.txt', data: 'pwned' },
    ]);
    assert.equal(await refusal(symlink, box), 'link.tar.gz:1:1: archive entry "out" is a symbolic link to "../..": links are refused in pack archives\n  hint: replace the link with a copy of the file it points to');
    const hard = await writeTarGz(path.join(box.dir, 'hard.tar.gz'), [{ name: 'passwd', type: 'link', linkname: '/etc/passwd' }]);
    assert.equal(await refusal(hard, box), 'hard.tar.gz:1:1: archive entry "passwd" is a hard link to "/etc/passwd": links are refused in pack archives\n  hint: replace the link with a copy of the file it points to');
    const zip = writeZip(path.join(box.dir, 'link.zip'), [{ name: 'out', data: '../..', mode: 0o120777 }]);
    assert.equal(await refusal(zip, box), 'link.zip:1:1: archive entry "out" is a symbolic link: links are refused in pack archives\n  hint: replace the link with a copy of the file it points to');
    assert.deepEqual(listing(box.dir), ['hard.tar.gz', 'link.tar.gz', 'link.zip']);
  });

  it('refuses an entry that appears twice (the second must not overwrite the first)', async () => {
    const box = sandbox();
    const archive = await writeTarGz(path.join(box.dir, 'twice.tar.gz'), [...tarEntries(), { name: 'shipshape-pack.yaml', data: 'id: swapped\n' }]);
    assert.equal(await refusal(archive, box), 'twice.tar.gz:1:1: archive entry "shipshape-pack.yaml" appears twice\n  hint: repack the pack folder without it');
  });

  it('refuses a device file', async () => {
    const box = sandbox();
    const archive = await writeTarGz(path.join(box.dir, 'dev.tar.gz'), [{ name: 'null', type: 'character-device' }]);
    assert.equal(await refusal(archive, box), 'dev.tar.gz:1:1: archive entry "null" is a character-device (a device, FIFO or other special file), which packs may not contain\n  hint: repack the pack folder without it');
  });

  it('refuses an archive with more entries than the limit, at the first one over it', async () => {
    const box = sandbox({ maxEntries: 5, maxBytes: 1024 * 1024 });
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `file-${i}.txt`, data: 'x' }));
    assert.equal(await refusal(await writeTarGz(path.join(box.dir, 'many.tar.gz'), many), box), 'many.tar.gz:1:1: the archive has more than 5 entries (stopped at "file-5.txt")\n  hint: a pack this large is refused; remove files it does not need');
    assert.equal(await refusal(writeZip(path.join(box.dir, 'many.zip'), many), box), 'many.zip:1:1: the archive has more than 5 entries (stopped at "file-5.txt")\n  hint: a pack this large is refused; remove files it does not need');
    assert.deepEqual(listing(box.dir), ['many.tar.gz', 'many.zip']);
  });

  it('refuses an archive that unpacks to more than the size limit, before writing the entry that goes over', async () => {
    const box = sandbox({ maxEntries: 100, maxBytes: 1000 });
    const big = [{ name: 'a.bin', data: Buffer.alloc(600) }, { name: 'b.bin', data: Buffer.alloc(600) }];
    const hint = '  hint: a pack this large is refused; remove files it does not need (images are built from contexts, not shipped)';
    assert.equal(await refusal(await writeTarGz(path.join(box.dir, 'big.tar.gz'), big), box), `big.tar.gz:1:1: the archive unpacks to more than 1000 bytes (stopped at "b.bin")\n${hint}`);
    assert.equal(await refusal(writeZip(path.join(box.dir, 'big.zip'), big.map((e) => ({ ...e, deflate: true }))), box), `big.zip:1:1: the archive unpacks to more than 1000 bytes (stopped at "b.bin")\n${hint}`);
    assert.deepEqual(listing(box.dir), ['big.tar.gz', 'big.zip']);
  });

  it('stops a zip bomb whose headers lie about its size while it streams, without writing it out', async () => {
    const box = sandbox({ maxEntries: 100, maxBytes: 64 * 1024 });
    const bomb = writeZip(path.join(box.dir, 'bomb.zip'), [{ name: 'zeros.bin', data: Buffer.alloc(16 * 1024 * 1024), deflate: true, claimedSize: 10 }]);
    assert.ok(fs.statSync(bomb).size < 64 * 1024, 'the archive itself is small');
    const message = await refusal(bomb, box);
    assert.equal(message, 'bomb.zip:1:1: archive entry "zeros.bin" unpacks to more than the 10 bytes its header says\n  hint: the archive is damaged (or a zip bomb): make it again from the pack folder');
    assert.deepEqual(listing(box.dir), ['bomb.zip'], 'the partial file went with the unpack folder');
  });

  it('says where the manifest may be when an archive has none', async () => {
    const box = sandbox();
    const archive = await writeTarGz(path.join(box.dir, 'empty.tar.gz'), [{ name: 'a/readme.md', data: 'hi' }, { name: 'b/readme.md', data: 'hi' }]);
    assert.equal(await refusal(archive, box), 'empty.tar.gz:1:1: no shipshape-pack.yaml in "empty.tar.gz"\n  hint: put shipshape-pack.yaml at the archive\'s root or in its one top-level folder');
  });

  it('refuses a file that is not a gzip archive with the reason', async () => {
    const box = sandbox();
    const archive = path.join(box.dir, 'broken.tgz');
    fs.writeFileSync(archive, 'not gzip');
    assert.equal(await refusal(archive, box), 'broken.tgz:1:1: cannot unpack "broken.tgz": incorrect header check\n  hint: check that it is a valid tar.gz file');
  });
});
