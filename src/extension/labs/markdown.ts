// A step's Markdown as the step panel shows it: markdown-it with raw HTML off (a pack's text
// cannot inject markup or scripts), links shown but only http(s) ones clickable, and every
// code block given Copy and Run in Terminal buttons that refer to it by index.
import MarkdownIt from 'markdown-it';

export interface RenderedMarkdown {
  html: string;
  /** The code blocks' text, by the index their buttons carry: the panel posts the index, never the text. */
  blocks: string[];
}

/** markdown-it's own escaping, for the text the panel puts around the rendered Markdown. */
export const escapeHtml: (text: string) => string = new MarkdownIt().utils.escapeHtml;

const SHELL_LANGUAGES = new Set(['', 'sh', 'shell', 'bash', 'console', 'terminal']);

export function renderStepMarkdown(source: string): RenderedMarkdown {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  const blocks: string[] = [];
  md.validateLink = (url) => /^(https?:|#)/i.test(url.trim());
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx]!;
    const language = token.info.trim().split(/\s+/)[0] ?? '';
    const text = token.content.replace(/\n$/, '');
    const index = blocks.push(text) - 1;
    const escaped = md.utils.escapeHtml(text);
    const run = SHELL_LANGUAGES.has(language.toLowerCase())
      ? `<button class="code-action" data-action="run" data-index="${index}" title="Send to a terminal, where you see it run">Run in Terminal</button>`
      : '';
    return `<div class="code"><pre><code>${escaped}</code></pre><div class="code-actions"><button class="code-action" data-action="copy" data-index="${index}">Copy</button>${run}</div></div>\n`;
  };
  return { html: md.render(source), blocks };
}
