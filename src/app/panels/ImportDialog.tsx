/** Placeholder: being written. */
export function ImportDialog() {
  return <p className="cw-hint">ImportDialog is coming.</p>;
}
