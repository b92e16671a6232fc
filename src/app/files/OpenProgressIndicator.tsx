import { useOpenProgress } from './open-progress';

/**
 * The indicator of a large document opening: "Opening <name> — checking…" with a bar,
 * determinate where the stage can tell how far it is. A live status region, so a screen
 * reader hears each stage.
 */
export function OpenProgressIndicator() {
  const progress = useOpenProgress();
  if (!progress) return null;
  const label = `Opening ${progress.source} — ${progress.stage}…`;
  const percent = progress.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  return (
    <div className="cw-open-progress" role="status" aria-live="polite" data-stage={progress.stage}>
      <span className="cw-open-progress-label">{label}</span>
      <progress aria-label={label} max={100} value={percent} aria-valuetext={percent === undefined ? progress.stage : `${progress.stage}: ${percent}%`} />
    </div>
  );
}
