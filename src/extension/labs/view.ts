// The Labs view. Until packs are loaded it has no nodes, so VS Code shows the view's
// welcome content (package.json "viewsWelcome"), which says what will appear here.
import * as vscode from 'vscode';

export class LabsTreeProvider implements vscode.TreeDataProvider<never> {
  getChildren(): never[] {
    return [];
  }
  getTreeItem(node: never): vscode.TreeItem {
    return node;
  }
}
