// Quick fixes, "ignore here / in this file", hovers and rule pages for lint findings.
import * as vscode from 'vscode';
import { renderRuleDoc } from '../../core/lint/docs';
import { ignoreHereFix, ignoreInFileFix } from '../../core/lint/suppress';
import type { Finding, Fix } from '../../core/lint/types';
import { DockerfileLinting, toRange } from './linting';

export const RULE_SCHEME = 'shipshape-rule';

function toWorkspaceEdit(document: vscode.TextDocument, f: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of f.edits) edit.replace(document.uri, toRange(e.range), e.newText);
  return edit;
}

function touches(f: Finding, range: vscode.Range): boolean {
  return toRange(f.range).intersection(range) !== undefined || toRange(f.range).contains(range.start);
}

export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly linting: DockerfileLinting) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const text = document.getText();
    for (const finding of this.linting.findingsFor(document).filter((f) => touches(f, range))) {
      const diagnostic = context.diagnostics.find((d) => d.range.isEqual(toRange(finding.range)) && (typeof d.code === 'object' ? d.code.value : d.code) === finding.code);
      const attach = (action: vscode.CodeAction) => {
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      };
      finding.fixes.forEach((f, i) => {
        const action = new vscode.CodeAction(`${f.title} (${finding.code})`, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, f);
        action.isPreferred = i === 0;
        attach(action);
      });
      const here = ignoreHereFix(text, finding.range.start.line, finding.code);
      for (const f of [here, ignoreInFileFix(text, finding.code)]) {
        if (!f) continue;
        const action = new vscode.CodeAction(f.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, f);
        attach(action);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${finding.code}`, vscode.CodeActionKind.Empty);
      docs.command = { command: 'shipshape.lint.showRule', title: 'Show rule', arguments: [finding.code] };
      actions.push(docs);
    }
    return actions;
  }
}

export class LintHover implements vscode.HoverProvider {
  constructor(private readonly linting: DockerfileLinting) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const here = this.linting.findingsFor(document).filter((f) => toRange(f.range).contains(position));
    if (!here.length) return undefined;
    const linter = await this.linting.getLinter();
    const seen = new Set<string>();
    const parts: string[] = [];
    for (const f of here) {
      const meta = linter.meta(f.code);
      if (!meta || seen.has(meta.id)) continue;
      seen.add(meta.id);
      parts.push(renderRuleDoc(meta, 4));
    }
    return parts.length ? new vscode.Hover(new vscode.MarkdownString(parts.join('\n---\n')), toRange(here[0]!.range)) : undefined;
  }
}

/** `shipshape-rule:DL3008` documents, rendered from the rule's metadata. */
export class RuleDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly linting: DockerfileLinting) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = uri.path.replace(/\.md$/, '');
    const meta = (await this.linting.getLinter()).meta(id);
    return meta ? renderRuleDoc(meta, 1) : `# ${id}\n\nNo Shipshape rule has this id or alias.\n`;
  }
}

export async function showRule(id: unknown): Promise<void> {
  const code = typeof id === 'string' ? id : await vscode.window.showInputBox({ prompt: 'Rule id or alias (e.g. DL3008, JSONArgsRecommended)' });
  if (!code) return;
  const uri = vscode.Uri.from({ scheme: RULE_SCHEME, path: `${code}.md` });
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
