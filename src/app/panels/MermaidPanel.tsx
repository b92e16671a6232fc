/** Placeholder: being written. */
export function MermaidPanel() {
  return <p className="cw-hint">MermaidPanel is coming.</p>;
}
