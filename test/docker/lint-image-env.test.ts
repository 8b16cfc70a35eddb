// UndefinedVar with the base image's environment read from the real daemon through src/docker/images.ts.
import assert from 'node:assert/strict';
import { Linter } from '../../src/core/lint/engine';
import rule from '../../src/core/lint/rules/UndefinedVar';
import { ImagePlatforms } from '../../src/docker/images';
import { testClient, uniqueName } from '../support/daemon';
import { buildFromFiles } from '../support/images';

describe('docker/images: base image env for UndefinedVar (real daemon)', () => {
  const client = testClient();
  const tag = `${uniqueName('env')}:1`;
  const dockerfile = `FROM ${tag}\nCOPY $FOO/a $BAR/b /srv/\n`;
  let linter: Linter;
  before(async () => {
    await buildFromFiles(client, tag, { Dockerfile: 'FROM busybox:latest\nENV FOO=1\n' });
    linter = await Linter.create({ rules: [rule] });
  });
  after(async () => client.api.getImage(tag).remove().catch(() => undefined));

  const undefinedNames = (images: ImagePlatforms) =>
    linter.lint(dockerfile, { localImages: images.localImages }).map((f) => /'\$(\w+)'/.exec(f.message)?.[1]);

  it('knows the names the image ENV sets once looked up: $FOO is not reported, $BAR is', async () => {
    const images = new ImagePlatforms(client);
    assert.deepEqual(undefinedNames(images), [], 'before the lookup the env is unknown: an upper-case name may be the image’s');
    assert.equal(await images.lookupWanted(), true, 'the lint asked about the base image');
    assert.ok(images.localImages.envOf?.(tag)?.includes('FOO'), 'FOO is among the image’s env names');
    assert.deepEqual(undefinedNames(images), ['BAR']);
  });

  it('an image the daemon does not have (or refuses as a reference) keeps the guess, and forget() drops what was read', async () => {
    const images = new ImagePlatforms(client);
    const absent = `${uniqueName('absent')}:1`;
    images.localImages.envOf?.(absent);
    images.localImages.envOf?.('NotLowerCase:1');
    images.localImages.envOf?.(tag);
    await images.lookupWanted(); // the daemon refuses the upper-case reference (400): absent too, not an error
    assert.equal(images.localImages.envOf?.(absent), undefined);
    assert.equal(images.localImages.envOf?.('NotLowerCase:1'), undefined);
    assert.deepEqual(linter.lint(`FROM ${absent}\nCOPY $BAR /srv/\n`, { localImages: images.localImages }), []);
    images.forget();
    assert.equal(images.localImages.envOf?.(tag), undefined);
  });
});
