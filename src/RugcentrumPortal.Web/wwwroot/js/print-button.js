// Progressive enhancement: show print buttons only where script can run them; without script the page
// tells the reader to use the browser's own print command.
export function enhancePrintButtons(root = document) {
  for (const button of root.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}
