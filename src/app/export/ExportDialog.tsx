/** Placeholder: being written. */
export function ExportDialog() {
  return <p className="cw-hint">ExportDialog is coming.</p>;
}
