// The image kind against the real daemon: an image built offline from busybox (the legacy builder) out
// of a two-stage Dockerfile in a workspace folder, compared with that Dockerfile and another one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import image from '../../../../src/core/labs/checks/image';
import { testClient, uniqueName } from '../../../support/daemon';
import { buildFromFiles } from '../../../support/images';
import { field, judge, labContext, passed, itFails, type FailingCase } from '../../../support/lab-checks';

const DOCKERFILE = `FROM busybox AS build
RUN echo built > /artifact
FROM busybox
ARG VER=1
LABEL org.opencontainers.image.version="1"
COPY --from=build /artifact /artifact
COPY hello.txt /app/
RUN echo $VER > /v && \\
    echo app:x:1000:1000::/:/bin/sh >> /etc/passwd
USER app
CMD ["sh"]
`;
/** The same but for one RUN (line 8) and a COPY destination. */
const OTHER = DOCKERFILE.replace('echo $VER > /v', 'echo $VER > /w');
const OTHER_COPY = DOCKERFILE.replace('hello.txt /app/', 'hello.txt /srv/');

describe('labs check: image (real daemon)', () => {
  const client = testClient();
  const repo = uniqueName('img');
  const ref = `${repo}:1`;
  let workspace = '';

  before(async function () {
    this.timeout(120_000);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-image-check-'));
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), DOCKERFILE);
    fs.writeFileSync(path.join(workspace, 'Dockerfile.other'), OTHER);
    fs.writeFileSync(path.join(workspace, 'Dockerfile.copy'), OTHER_COPY);
    await buildFromFiles(client, ref, { Dockerfile: DOCKERFILE, 'hello.txt': 'hello\n' }, { course: 'docker-101' });
  });

  after(async () => {
    await client.api.getImage(ref).remove({ force: true }).catch(() => undefined);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const ctx = () => labContext({ workspace });

  it('passes: exists, tag, layers, size, not root, history, labels, built from its Dockerfile on busybox', async () => {
    const obs = await judge(image, {
      image: ref, tag: '1', maxLayers: 10, maxSize: '10m', userNotRoot: true, historyContains: 'app:x:1000', labels: { course: 'docker-101', 'org.opencontainers.image.version': '1' }, builtFrom: 'Dockerfile',
    }, ctx());
    assert.ok(passed(obs), JSON.stringify(obs, null, 1));
    assert.equal(field(obs, 'builtFrom').actual, 'its 7 newest history entries (under 2 from --label) match Dockerfile');
    assert.equal(field(obs, 'builtFrom.base').actual, 'FROM busybox');
    assert.equal(field(obs, 'userNotRoot').actual, 'user app');
  });

  it('passes: historyContains finds an instruction behind the legacy builder\'s "#(nop)" prefix', async () => {
    const obs = await judge(image, { image: ref, historyContains: 'USER app' }, ctx());
    assert.equal(field(obs, 'historyContains').actual, '/bin/sh -c #(nop)  USER app');
  });

  const failing: FailingCase[] = [
    { title: 'a missing image', fields: { image: `${repo}:2`, maxLayers: 3 }, field: 'exists', expected: `image ${repo}:2 exists`, actual: `no image ${repo}:2`, hint: /docker build -t/ },
    { title: 'an image that should be gone', fields: { image: ref, exists: false }, field: 'exists', expected: `no image ${ref}`, actual: `image ${ref} exists`, hint: /docker rmi/ },
    { title: 'a tag it lacks', fields: { image: ref, tag: 'latest' }, field: 'tag', expected: `tagged ${repo}:latest`, actual: `tags ${ref}`, hint: new RegExp(`docker tag ${ref} ${repo}:latest`) },
    { title: 'too many layers', fields: { image: ref, maxLayers: 2 }, field: 'maxLayers', expected: 'at most 2 layers', actual: /^\d+ layers$/, hint: /join RUN instructions/ },
    { title: 'too big', fields: { image: ref, maxSize: '1k' }, field: 'maxSize', expected: 'at most 1 KiB', actual: /^\d(\.\d)? MiB$/, hint: /multi-stage/ },
    { title: 'root by default', fields: { image: 'busybox:latest', userNotRoot: true }, field: 'userNotRoot', expected: 'a user other than root', actual: 'no USER (root)', hint: /USER instruction/ },
    { title: 'not root where root is wanted', fields: { image: ref, userNotRoot: false }, field: 'userNotRoot', expected: 'runs as root', actual: 'user app', hint: /remove the USER/ },
    { title: 'history without the text', fields: { image: ref, historyContains: 'apt-get' }, field: 'historyContains', expected: 'an entry with "apt-get"', actual: /^none among \d+ entries$/, hint: /add the instruction/ },
    { title: 'a label with another value', fields: { image: ref, labels: { course: 'k8s' } }, field: 'labels.course', expected: 'label course=k8s', actual: 'label course=docker-101', hint: /LABEL course="k8s"/ },
    {
      title: 'built from another RUN', fields: { image: ref, builtFrom: 'Dockerfile.other' }, field: 'builtFrom', expected: 'Dockerfile.other:8 RUN echo $VER > /w && echo app:x:1000:1000::/:/bin/sh >> /etc/passwd',
      actual: "the image's entry 5 after its base is RUN |1 VER=1 /bin/sh -c echo $VER > /v &&     echo app:x:1000:1000::/:/bin/sh >> /etc/passwd", hint: new RegExp(`docker build -t ${ref} -f Dockerfile.other`),
    },
    { title: 'built with another COPY destination', fields: { image: ref, builtFrom: 'Dockerfile.copy' }, field: 'builtFrom', expected: 'Dockerfile.copy:7 COPY hello.txt /srv/', actual: "the image's entry 4 after its base is COPY to /app/", hint: /rebuild it/ },
    { title: 'a Dockerfile that is not there', fields: { image: ref, builtFrom: 'web/Dockerfile' }, field: 'builtFrom', expected: 'built from web/Dockerfile', actual: 'no file web/Dockerfile in the workspace', hint: /write web\/Dockerfile, then build/ },
  ];
  itFails(image, failing, ctx);

  it('fails builtFrom.base when the image sits on another base than the Dockerfile\'s FROM', async () => {
    const fromScratch = `FROM ${ref}\n`.replace(ref, 'busybox') + 'CMD ["sh"]\n';
    fs.writeFileSync(path.join(workspace, 'Dockerfile.cmd'), fromScratch);
    // ref's newest entry is CMD ["sh"], but below it is ref's own history, not busybox's alone.
    const obs = await judge(image, { image: ref, builtFrom: 'Dockerfile.cmd' }, ctx());
    const o = field(obs, 'builtFrom.base');
    assert.deepEqual([o.ok, o.expected, o.actual], [false, 'built FROM busybox as it is on this daemon', "its lower layers are not busybox's"]);
  });
});
