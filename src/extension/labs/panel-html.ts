// The step panel's HTML: the step's text, its checks' results, hints shown so far, quizzes and
// the buttons. A strict Content-Security-Policy: no remote content, styles and the one script
// from media/, inline nothing but the nonce'd script tag.
import { escapeHtml, renderStepMarkdown } from './markdown';

export type StepStatusKind = 'locked' | 'ready' | 'passed' | 'failed' | 'errored' | 'solved';

export interface StepPanelContent {
  packTitle: string;
  labTitle: string;
  title: string;
  body: string;
  status: StepStatusKind;
  /** "passed 2 minutes ago", "un-passed: container sample-web is gone". */
  statusText: string;
  points: { earned: number; available: number };
  /** Each check's result as words (from core's describe module), or "not checked yet". */
  results: { status: 'passed' | 'failed' | 'errored' | 'pending'; name: string; detail: string }[];
  hints: { tier: string; text: string }[];
  moreHints: boolean;
  quizzes: { checkId: string; question: string; choices?: string[]; answer?: string }[];
  /** Why Solve / setup cannot run here (untrusted workspace, no solve), when it cannot. */
  solveHeldBack?: string;
  canSolve: boolean;
}

const STATUS_ICON: Record<StepPanelContent['results'][number]['status'], string> = { passed: '✓', failed: '✗', errored: '!', pending: '·' };


export interface PanelAssets {
  cspSource: string;
  nonce: string;
  script: string;
  style: string;
}

/** The page, and the code blocks' text by the id their buttons post (b0… in the body, h0… in the hints). */
export function stepPanelHtml(content: StepPanelContent, assets: PanelAssets): { html: string; blocks: Map<string, string> } {
  // The step's own first heading repeats the title the header shows: drop it.
  const body = renderStepMarkdown(content.body.replace(/^\s*#\s+(.+)\n/, (line, heading: string) => (heading.trim() === content.title.trim() ? '' : line)));
  const hints = renderStepMarkdown(content.hints.map((h) => `**${h.tier}:** ${h.text}`).join('\n\n'));
  const results = content.results
    .map(
      (r) =>
        `<li class="result ${r.status}"><span class="icon" aria-label="${r.status}">${STATUS_ICON[r.status]}</span> <span class="name">${escapeHtml(r.name)}</span>` +
        (r.detail ? `<div class="detail">${escapeHtml(r.detail)}</div>` : '') +
        '</li>',
    )
    .join('');
  const quizzes = content.quizzes
    .map((q) => {
      const question = renderStepMarkdown(q.question).html;
      const input = q.choices
        ? q.choices
            .map(
              (c, i) =>
                `<label><input type="radio" name="${escapeHtml(q.checkId)}" value="${escapeHtml(c)}"${q.answer === c ? ' checked' : ''} data-quiz="${escapeHtml(q.checkId)}" id="${escapeHtml(q.checkId)}-${i}"> ${escapeHtml(c)}</label>`,
            )
            .join('')
        : `<input type="text" data-quiz="${escapeHtml(q.checkId)}" value="${escapeHtml(q.answer ?? '')}" aria-label="answer">`;
      return `<fieldset class="quiz">${question}${input}<button data-action="answer" data-quiz="${escapeHtml(q.checkId)}">Answer</button></fieldset>`;
    })
    .join('');
  const csp = `default-src 'none'; img-src ${assets.cspSource}; style-src ${assets.cspSource}; script-src 'nonce-${assets.nonce}';`;
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${assets.style}">
<title>${escapeHtml(content.title)}</title></head>
<body class="status-${content.status}">
<header><div class="crumbs">${escapeHtml(content.packTitle)} › ${escapeHtml(content.labTitle)}</div>
<h1>${escapeHtml(content.title)}</h1>
<div class="status"><span class="badge ${content.status}">${escapeHtml(content.status)}</span> ${escapeHtml(content.statusText)} · ${content.points.earned}/${content.points.available} points</div></header>
<nav class="actions">
<button data-action="check" class="primary">Check</button>
<button data-action="hint"${content.moreHints ? '' : ' disabled'}>Hint</button>
<button data-action="solve"${content.canSolve ? '' : ' disabled'}${content.solveHeldBack ? ` title="${escapeHtml(content.solveHeldBack)}"` : ''}>Solve</button>
<button data-action="reset">Reset step</button>
</nav>
${content.solveHeldBack ? `<p class="held-back">${escapeHtml(content.solveHeldBack)}</p>` : ''}
<main>${body.html.replace(/data-index="(\d+)"/g, (_m, i) => `data-index="b${i}"`)}</main>
${quizzes ? `<section class="quizzes">${quizzes}</section>` : ''}
<section class="results"><h2>Checks</h2><ul>${results}</ul></section>
${content.hints.length ? `<section class="hints"><h2>Hints</h2>${hints.html.replace(/data-index="(\d+)"/g, (_m, i) => `data-index="h${i}"`)}</section>` : ''}
<script nonce="${assets.nonce}" src="${assets.script}"></script>
</body></html>`;
  return { html, blocks: new Map([...body.blocks.map((b, i) => [`b${i}`, b] as const), ...hints.blocks.map((b, i) => [`h${i}`, b] as const)]) };
}
