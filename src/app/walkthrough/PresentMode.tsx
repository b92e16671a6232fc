/** Placeholder: being written. */
export function PresentMode() {
  return <p className="cw-hint">PresentMode is coming.</p>;
}
