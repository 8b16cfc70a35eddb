import assert from 'node:assert/strict';
import { ImagePlatforms } from '../../src/docker/images';
import { testClient, uniqueName } from '../support/daemon';
import { loadImageWithPlatform } from '../support/images';

describe('docker/images: local base image platforms (real daemon)', () => {
  const client = testClient();
  const tag = `shipshape-test/arm:${uniqueName('p')}`;
  before(async () => loadImageWithPlatform(client, tag, 'arm64'));
  after(async () => client.api.getImage(tag).remove().catch(() => undefined));

  it('answers only after looking up what the linter asked for, then knows present and absent images', async () => {
    const images = new ImagePlatforms(client);
    assert.equal(images.localImages.platformOf(tag), undefined, 'unknown before a lookup');
    images.localImages.platformOf('busybox:latest');
    images.localImages.platformOf('shipshape-test/absent:1');
    assert.equal(await images.lookupWanted(), true);
    const local = images.localImages;
    assert.equal(local.platformOf(tag), 'linux/arm64');
    assert.equal(local.platformOf('busybox:latest'), 'linux/amd64');
    assert.equal(local.platformOf('shipshape-test/absent:1'), undefined);
    assert.equal(local.defaultPlatform, 'linux/amd64');
    assert.equal(await images.lookupWanted(), false, 'nothing new to ask');
  });

  it('forgets what it knew when images change', async () => {
    const images = new ImagePlatforms(client);
    images.localImages.platformOf(tag);
    await images.lookupWanted();
    images.forget();
    assert.equal(images.localImages.platformOf(tag), undefined);
  });
});
