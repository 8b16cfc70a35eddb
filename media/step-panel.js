// The step panel's only script: buttons post what was clicked; the extension decides what runs.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.disabled) return;
    const action = button.dataset.action;
    if (action === 'copy' || action === 'run') {
      vscode.postMessage({ type: action, block: button.dataset.index });
    } else if (action === 'answer') {
      const id = button.dataset.quiz;
      const inputs = [...document.querySelectorAll('[data-quiz]')].filter((e) => e.dataset.quiz === id && e.tagName === 'INPUT');
      const chosen = inputs.find((e) => e.type !== 'radio' || e.checked);
      vscode.postMessage({ type: 'answer', checkId: id, answer: chosen ? chosen.value : '' });
    } else {
      vscode.postMessage({ type: action });
    }
  });
})();
