/** Placeholder: being written. */
export function WalkthroughPanel() {
  return <p className="cw-hint">WalkthroughPanel is coming.</p>;
}
