import { useOpenProgress } from './open-progress';

/**
 * The indicator of a large document opening: "Opening <name> — checking…", with a bar where
 * the stage can tell how far it is. A live status region, so a screen reader hears each
 * stage. A stage that cannot tell shows no moving bar: an animation would take frames (and,
 * on a machine with few cores, time) from the open itself.
 */
export function OpenProgressIndicator() {
  const progress = useOpenProgress();
  if (!progress) return null;
  const label = `Opening ${progress.source} — ${progress.stage}…`;
  const percent = progress.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  return (
    <div className="cw-open-progress" role="status" aria-live="polite" data-stage={progress.stage}>
      <span className="cw-open-progress-label">{label}</span>
      {percent !== undefined && <progress aria-label={label} max={100} value={percent} aria-valuetext={`${progress.stage}: ${percent}%`} />}
    </div>
  );
}
