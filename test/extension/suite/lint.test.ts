import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../src/extension/extension';
import { waitFor } from '../../support/wait';

const workspace = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

async function open(rel: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(workspace(), rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  return document;
}

const codesOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))).sort();

async function diagnosticsWith(uri: vscode.Uri, expected: (codes: string[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  await waitFor(() => expected(codesOf(uri)), `${what} (have ${codesOf(uri).join(', ')})`);
  return vscode.languages.getDiagnostics(uri);
}

async function codeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
}

describe('Dockerfile linting in the editor (real VS Code)', () => {
  before(async () => {
    await vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape')!.activate();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('shipshape').update('lint.severities', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('shipshape').update('lint.shellcheck.path', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('shipshape').update('lint.buildContext', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows hadolint findings as diagnostics with their DL codes, severities and docs links', async () => {
    const document = await open('lint-a/Dockerfile', 'FROM debian\nWORKDIR app\nRUN apt-get install -y curl\nCMD run\n');
    const diagnostics = await diagnosticsWith(document.uri, (c) => ['DL3000', 'DL3006', 'DL3008', 'DL3025'].every((x) => c.includes(x)), 'diagnostics for lint-a');
    const dl3008 = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'DL3008')!;
    assert.deepEqual([dl3008.range.start.line, dl3008.range.start.character, dl3008.range.end.character], [2, 23, 27]);
    assert.equal(dl3008.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal((dl3008.code as { target: vscode.Uri }).target.toString(), 'https://github.com/hadolint/hadolint/wiki/DL3008');
    assert.equal(diagnostics.find((d) => (d.code as { value: string }).value === 'DL3000')!.severity, vscode.DiagnosticSeverity.Error);
  });

  it('applies a quick fix (CMD to exec form) and the finding goes away', async () => {
    const document = await open('lint-b/Dockerfile', 'FROM debian:12\nCMD nginx -g "daemon off;"\n');
    const [diagnostic] = await diagnosticsWith(document.uri, (c) => c.includes('DL3025'), 'DL3025');
    const actions = await codeActions(document, diagnostic!.range);
    const convert = actions.find((a) => a.title.startsWith('Convert to exec form'));
    assert.ok(convert?.edit, `a conversion fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(convert.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(convert.edit));
    assert.equal(document.getText(), 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n');
    await diagnosticsWith(document.uri, (c) => !c.includes('DL3025'), 'DL3025 gone after the fix');
  });

  it('"Ignore for this instruction" inserts a hadolint pragma and silences the rule there', async () => {
    const document = await open('lint-c/Dockerfile', 'FROM debian:12\nRUN apt-get install -y curl\n');
    const diagnostics = await diagnosticsWith(document.uri, (c) => c.includes('DL3008'), 'DL3008');
    const actions = await codeActions(document, diagnostics.find((d) => (d.code as { value: string }).value === 'DL3008')!.range);
    const ignore = actions.find((a) => a.title === 'Ignore DL3008 for this instruction');
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(document.getText(), 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n');
    await diagnosticsWith(document.uri, (c) => !c.includes('DL3008'), 'DL3008 silenced');
  });

  it('re-lints after an edit', async () => {
    const document = await open('lint-d/Dockerfile', 'FROM debian:12\n');
    await diagnosticsWith(document.uri, (c) => !c.includes('DL3006'), 'clean start');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 0), 'FROM alpine AS tools\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWith(document.uri, (c) => c.includes('DL3006'), 'DL3006 after typing an untagged FROM');
  });

  it('honours .hadolint.yaml beside the Dockerfile, and shows a config mistake in that file at its line', async () => {
    fs.mkdirSync(path.join(workspace(), 'lint-e'), { recursive: true });
    fs.writeFileSync(path.join(workspace(), 'lint-e', '.hadolint.yaml'), 'ignored: [DL3006]\noverride:\n  error: [DL3025]\n');
    const document = await open('lint-e/Dockerfile', 'FROM debian\nCMD run\n');
    const diagnostics = await diagnosticsWith(document.uri, (c) => c.includes('DL3025'), 'DL3025');
    assert.ok(!codesOf(document.uri).includes('DL3006'));
    assert.equal(diagnostics.find((d) => (d.code as { value: string }).value === 'DL3025')!.severity, vscode.DiagnosticSeverity.Error);

    const configUri = vscode.Uri.file(path.join(workspace(), 'lint-f', '.hadolint.yaml'));
    fs.mkdirSync(path.dirname(configUri.fsPath), { recursive: true });
    fs.writeFileSync(configUri.fsPath, 'ignored: [DL3006]\nfailure_threshold: error\n');
    await open('lint-f/Dockerfile', 'FROM debian\n');
    await waitFor(() => vscode.languages.getDiagnostics(configUri).length > 0, 'a diagnostic in the bad .hadolint.yaml');
    const [problem] = vscode.languages.getDiagnostics(configUri);
    assert.equal(problem!.range.start.line, 1);
    assert.match(problem!.message, /unknown key "failure_threshold".*did you mean "failure-threshold"/);
  });

  it('picks up a .hadolint.yaml changed on disk outside the editor (the config is cached between keystrokes)', async () => {
    const config = path.join(workspace(), 'lint-i', '.hadolint.yaml');
    fs.mkdirSync(path.dirname(config), { recursive: true });
    fs.writeFileSync(config, 'ignored: []\n');
    const document = await open('lint-i/Dockerfile', 'FROM debian\n');
    await diagnosticsWith(document.uri, (c) => c.includes('DL3006'), 'DL3006 with an empty ignore list');
    fs.writeFileSync(config, 'ignored: [DL3006]\n');
    await diagnosticsWith(document.uri, (c) => !c.includes('DL3006'), 'DL3006 gone after the config changed on disk');
  });

  it('the shipshape.lint.severities setting changes a rule\'s severity live', async () => {
    const document = await open('lint-g/Dockerfile', 'FROM debian\n');
    await diagnosticsWith(document.uri, (c) => c.includes('DL3006'), 'DL3006');
    await vscode.workspace.getConfiguration('shipshape').update('lint.severities', { DL3006: 'error' }, vscode.ConfigurationTarget.Global);
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'DL3006 as an error');
  });

  it('hovering a finding shows the rule\'s rationale and examples', async () => {
    const document = await open('lint-h/Dockerfile', 'FROM debian:12\nRUN apt-get install -y curl\n');
    await diagnosticsWith(document.uri, (c) => c.includes('DL3008'), 'DL3008');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 25));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /DL3008: Pin versions in apt-get install/);
    assert.match(text, /Unpinned packages install whatever the mirror has/);
    assert.match(text, /```dockerfile\nFROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7\.88\.\*\n```/);
  });

  it('reports InvalidBaseImagePlatform for a local base image of another platform, once the daemon is connected', async () => {
    const { testClient, uniqueName } = await import('../../support/daemon');
    const { loadImageWithPlatform } = await import('../../support/images');
    const client = testClient();
    const tag = `shipshape-test/arm:${uniqueName('lint')}`;
    await loadImageWithPlatform(client, tag, 'arm64');
    try {
      const shipshape = await vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape')!.activate();
      await shipshape.context.docker.start();
      const document = await open('lint-j/Dockerfile', `FROM ${tag}\nRUN true\n`);
      const diagnostics = await diagnosticsWith(document.uri, (c) => c.includes('InvalidBaseImagePlatform'), 'InvalidBaseImagePlatform after the lookup');
      const finding = diagnostics.find((d) => (d.code as { value: string }).value === 'InvalidBaseImagePlatform')!;
      assert.match(finding.message, /"linux\/arm64", expected "linux\/amd64"/);
    } finally {
      await client.api.getImage(tag).remove().catch(() => undefined);
    }
  });
  it("knows the names a local base image's ENV sets once the daemon is connected: UndefinedVar reports $BAR, not $FOO", async () => {
    const { testClient, uniqueName } = await import('../../support/daemon');
    const { buildFromFiles } = await import('../../support/images');
    const client = testClient();
    const tag = `${uniqueName('lintenv')}:1`;
    await buildFromFiles(client, tag, { Dockerfile: 'FROM busybox:latest\nENV FOO=1\n' });
    try {
      const shipshape = await vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape')!.activate();
      await shipshape.context.docker.start();
      const document = await open('lint-env/Dockerfile', `FROM ${tag}\nCOPY $FOO/a $BAR/b /srv/\n`);
      const undefinedNames = () =>
        vscode.languages.getDiagnostics(document.uri).filter((d) => (d.code as { value: string }).value === 'UndefinedVar').map((d) => document.getText(d.range));
      await waitFor(() => undefinedNames().length > 0, 'UndefinedVar after the base image was looked up');
      assert.deepEqual(undefinedNames(), ['$BAR']);
    } finally {
      await client.api.getImage(tag).remove().catch(() => undefined);
    }
  });

  it('an overridden CMD is one diagnostic on its line with the CMD that takes effect as related information; a check comment above it silences it', async () => {
    const document = await open('lint-rel/Dockerfile', 'FROM debian:12\nCMD ["a"]\nCMD ["b"]\n');
    const diagnostics = await diagnosticsWith(document.uri, (c) => c.includes('DL4003'), 'DL4003');
    const overridden = diagnostics.filter((d) => (d.code as { value: string }).value === 'DL4003');
    assert.equal(overridden.length, 1);
    assert.equal(overridden[0]!.range.start.line, 1, "on the overridden CMD, BuildKit's line");
    const related = overridden[0]!.relatedInformation ?? [];
    assert.deepEqual(related.map((r) => [r.location.uri.toString(), r.location.range.start.line]), [[document.uri.toString(), 2]]);
    assert.match(related[0]!.message, /takes effect.*DL4003/);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '# check=skip=MultipleInstructionsDisallowed // kept on purpose\n'));
    await waitFor(() => !codesOf(document.uri).includes('DL4003'), `DL4003 silenced by the check comment (have ${codesOf(document.uri).join(', ')})`);
  });

  describe('what a lint reads', () => {
    const messages = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => d.message);

    for (const [name, dir] of [['.dockerignore', 'lint-k'], ['.hadolint.yaml', 'lint-l']] as const) {
      it(`a ${name} that cannot be read (a folder) is shown in the Dockerfile with its path, and the Dockerfile is linted without it`, async () => {
        const unreadable = path.join(workspace(), dir, name);
        fs.mkdirSync(unreadable, { recursive: true });
        const document = await open(`${dir}/Dockerfile`, 'FROM debian\n');
        await diagnosticsWith(document.uri, (c) => c.includes('DL3006'), `DL3006 despite the unreadable ${name}`);
        await waitFor(() => messages(document.uri).some((m) => m.includes(unreadable) && /cannot read/.test(m)), `the read error with its path (have ${messages(document.uri).join(' | ')})`);
      });
    }

    it('a ShellCheck that fails keeps the other findings and says so in the Dockerfile', async () => {
      const fake = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-fake-sc-')), 'shellcheck');
      fs.writeFileSync(fake, '#!/bin/sh\necho "cannot parse" >&2\nexit 3\n', { mode: 0o755 });
      await vscode.workspace.getConfiguration('shipshape').update('lint.shellcheck.path', fake, vscode.ConfigurationTarget.Global);
      const document = await open('lint-m/Dockerfile', 'FROM debian\nRUN ls $HOME\n');
      await diagnosticsWith(document.uri, (c) => c.includes('DL3006'), 'DL3006 although ShellCheck failed');
      await waitFor(() => messages(document.uri).some((m) => m.includes(`shellcheck (${fake}) failed: cannot parse`)), `the ShellCheck failure (have ${messages(document.uri).join(' | ')})`);
    });

    it('ShellCheck in the editor: an edit in one RUN re-checks that RUN alone, in one process; the other RUNs keep their findings', async () => {
      // A wrapper around Debian's shellcheck that logs, per process, the script files it was given from this
      // Dockerfile (they hold the word MKSC): the setting change also re-lints the other open Dockerfiles.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-log-'));
      const log = path.join(dir, 'log');
      const wrapper = path.join(dir, 'shellcheck');
      fs.writeFileSync(wrapper, `#!/bin/sh\nfor a in "$@"; do case "$a" in *.sh) if grep -q MKSC "$a"; then printf '%s ' "$a" >> '${log}'; fi;; esac; done\necho >> '${log}'\nexec /usr/bin/shellcheck "$@"\n`, { mode: 0o755 });
      const scripts = () => fs.readFileSync(log, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.trim().split(' ').length);
      await vscode.workspace.getConfiguration('shipshape').update('lint.shellcheck.path', wrapper, vscode.ConfigurationTarget.Global);
      const document = await open('lint-sc/Dockerfile', 'FROM debian:12\nRUN ls $HOME # MKSC\nRUN echo $PATH # MKSC\nRUN cd /tmp; ls # MKSC\n');
      const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
      const sc = () => vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d).startsWith('SC')).map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort();
      await waitFor(() => sc().length === 3, `three SC findings (have ${sc().join(', ')})`);
      assert.deepEqual(sc(), ['2 SC2086', '3 SC2086', '4 SC2164']);
      const before = scripts();
      assert.equal(before.reduce((a, b) => a + b, 0), 3, `the three RUNs checked once (processes: ${before.join(' + ')})`);
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((e) => e.replace(new vscode.Range(2, 4, 2, 14), 'cd /opt; ls'));
      await waitFor(() => sc().includes('3 SC2164'), `SC2164 on the edited RUN (have ${sc().join(', ')})`);
      assert.deepEqual(sc(), ['2 SC2086', '3 SC2164', '4 SC2164']);
      assert.deepEqual(scripts().slice(before.length), [1], 'one process, for the edited RUN alone');
    });

    it('the shipshape.lint.buildContext setting (relative to the workspace folder) says whose .dockerignore applies', async () => {
      fs.mkdirSync(path.join(workspace(), 'lint-o', 'ctx'), { recursive: true });
      fs.writeFileSync(path.join(workspace(), 'lint-o', 'ctx', '.dockerignore'), 'secret.txt\n');
      const document = await open('lint-o/docker/Dockerfile', 'FROM debian:12\nCOPY secret.txt /etc/\n');
      await diagnosticsWith(document.uri, (c) => !c.includes('CopyIgnoredFile'), 'no CopyIgnoredFile with the Dockerfile\'s folder as the context');
      await vscode.workspace.getConfiguration('shipshape').update('lint.buildContext', 'lint-o/ctx', vscode.ConfigurationTarget.Global);
      await diagnosticsWith(document.uri, (c) => c.includes('CopyIgnoredFile'), 'CopyIgnoredFile with lint-o/ctx as the context');
    });

    it('an unknown rule id is a warning with the nearest id: in .hadolint.yaml at its line (the rest still applies), in a pragma on the id', async () => {
      const configUri = vscode.Uri.file(path.join(workspace(), 'lint-p', '.hadolint.yaml'));
      fs.mkdirSync(path.dirname(configUri.fsPath), { recursive: true });
      fs.writeFileSync(configUri.fsPath, 'ignored:\n  - DL3006\n  - DL3099\n');
      const document = await open('lint-p/Dockerfile', 'FROM debian\n# hadolint ignore=DL3099\nRUN true\n');
      const [finding] = await diagnosticsWith(document.uri, (c) => c.join() === 'UnknownRuleId', 'only UnknownRuleId (DL3006 ignored)');
      assert.deepEqual([finding!.range.start.line, finding!.range.start.character, finding!.severity], [1, 18, vscode.DiagnosticSeverity.Warning]);
      assert.match(finding!.message, /did you mean "DL3009"/);
      await waitFor(() => vscode.languages.getDiagnostics(configUri).length > 0, 'a warning in .hadolint.yaml');
      const [problem] = vscode.languages.getDiagnostics(configUri);
      assert.deepEqual([problem!.range.start.line, problem!.severity], [2, vscode.DiagnosticSeverity.Warning]);
      assert.match(problem!.message, /unknown rule id "DL3099" in ignored \(did you mean "DL3009"\?\)/);
    });

    it('settings are read on a change, not on every lint', async () => {
      const document = await open('lint-n/Dockerfile', 'FROM debian\n');
      await diagnosticsWith(document.uri, (c) => c.includes('DL3006'), 'DL3006');
      const shipshape = await vscode.extensions.getExtension<ShipshapeApi>('shipshape.shipshape')!.activate();
      const workspaceApi = vscode.workspace as { getConfiguration: typeof vscode.workspace.getConfiguration };
      const original = workspaceApi.getConfiguration;
      let reads = 0;
      workspaceApi.getConfiguration = (...args: Parameters<typeof original>) => {
        if (args[0] === 'shipshape') reads++;
        return original(...args);
      };
      try {
        for (let i = 0; i < 3; i++) await shipshape.context.linting.lintNow(document);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(1, 0), 'WORKDIR app\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        await diagnosticsWith(document.uri, (c) => c.includes('DL3000'), 'DL3000 after typing');
        assert.equal(reads, 0, 'no settings read while linting');
        await vscode.workspace.getConfiguration('shipshape').update('lint.severities', { DL3006: 'error' }, vscode.ConfigurationTarget.Global);
        await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error && (d.code as { value: string }).value === 'DL3006'), 'DL3006 as an error after the setting changed');
        assert.ok(reads >= 1, 'the settings were read again on the change');
      } finally {
        workspaceApi.getConfiguration = original;
      }
    });
  });
});
