// The step panel's page, as pure functions (no vscode): what a pack's Markdown may and may not put on it.
import assert from 'node:assert/strict';
import { renderStepMarkdown } from '../../../src/extension/labs/markdown';
import { stepPanelHtml, type StepPanelContent } from '../../../src/extension/labs/panel-html';

const assets = { cspSource: 'vscode-resource:', nonce: 'n0nce', script: 'x/step-panel.js', style: 'x/step-panel.css' };
const content = (over: Partial<StepPanelContent> = {}): StepPanelContent => ({
  packTitle: 'Sample',
  labTitle: 'First lab',
  title: 'Run it',
  body: 'Run this:\n\n```sh\ndocker run -d --name web busybox sleep 60\n```\n',
  status: 'failed',
  statusText: 'checked just now',
  points: { earned: 5, available: 10 },
  results: [
    { status: 'passed', name: 'container web exists', detail: '' },
    { status: 'failed', name: 'container web is running', detail: 'state is exited, expected running' },
  ],
  hints: [],
  moreHints: true,
  quizzes: [],
  canSolve: true,
  ...over,
});

describe('step panel page (pure)', () => {
  it('renders a pack\'s raw HTML as text: a <script> or <img onerror> in the Markdown never becomes markup', () => {
    const { html } = renderStepMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(2)>');
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('keeps only http(s) links clickable: a javascript: link is shown as text', () => {
    const { html } = renderStepMarkdown('[ok](https://docs.docker.com/) [bad](javascript:alert(1))');
    assert.match(html, /<a href="https:\/\/docs\.docker\.com\/">ok<\/a>/);
    assert.doesNotMatch(html, /href="javascript:/);
  });

  it('gives a shell code block Copy and Run in Terminal buttons that post an id, and keeps its text on the extension side', () => {
    const page = stepPanelHtml(content(), assets);
    assert.match(page.html, /data-action="copy" data-index="b0"/);
    assert.match(page.html, /data-action="run" data-index="b0"/);
    assert.equal(page.blocks.get('b0'), 'docker run -d --name web busybox sleep 60');
  });

  it('offers no Run in Terminal for a block that is not shell (yaml, Dockerfile)', () => {
    const page = stepPanelHtml(content({ body: '```yaml\na: 1\n```\n' }), assets);
    assert.match(page.html, /data-action="copy"/);
    assert.doesNotMatch(page.html, /data-action="run"/);
  });

  it('sets a strict Content-Security-Policy: nothing by default, scripts only with the nonce, no remote sources', () => {
    const { html } = stepPanelHtml(content(), assets);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-n0nce';/);
    assert.doesNotMatch(csp, /https?:|unsafe-inline|unsafe-eval|\*/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('shows each check with its status and the words of its result, escaped', () => {
    const { html } = stepPanelHtml(content({ results: [{ status: 'failed', name: 'exec <b>', detail: 'stdout was "<x>"' }] }), assets);
    assert.match(html, /<li class="result failed"><span class="icon" aria-label="failed">✗<\/span> <span class="name">exec &lt;b&gt;<\/span><div class="detail">stdout was &quot;&lt;x&gt;&quot;<\/div>/);
  });

  it('disables Hint when every tier is shown and Solve when it is held back, saying why', () => {
    const { html } = stepPanelHtml(content({ moreHints: false, canSolve: false, solveHeldBack: 'Solve runs commands only in a trusted workspace' }), assets);
    assert.match(html, /<button data-action="hint" disabled>/);
    assert.match(html, /<button data-action="solve" disabled title="Solve runs commands only in a trusted workspace">/);
    assert.match(html, /<p class="held-back">Solve runs commands only in a trusted workspace<\/p>/);
  });
});
