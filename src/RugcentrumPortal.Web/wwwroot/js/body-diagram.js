// Progressive enhancement: shade a zone on the figure as soon as its checkbox changes, instead of after saving.
export function enhanceBodyDiagrams(root = document) {
  for (const diagram of root.querySelectorAll('.body-diagram.is-selectable')) {
    const sync = (checkbox) => {
      for (const zone of diagram.querySelectorAll(`ellipse[data-zone="${CSS.escape(checkbox.value)}"]`)) {
        zone.classList.toggle('is-selected', checkbox.checked);
      }
    };
    diagram.addEventListener('change', (event) => {
      if (event.target.matches('input[type="checkbox"]')) {
        sync(event.target);
      }
    });
  }
}
