import { useEffect, type RefObject } from 'react';

/** Frames without a viewport change after which the view counts as at rest. */
export const REST_FRAMES = 2;

/**
 * Tells when the view moves and when it rests: `onMove(true)` at the first viewport change,
 * `onMove(false)` once {@link REST_FRAMES} frames pass without one. Pure timing logic (the
 * frame source is given), so it is tested without a browser.
 */
export function restWatcher(onMove: (moving: boolean) => void, nextFrame: (f: () => void) => number, cancelFrame: (id: number) => void) {
  let moving = false;
  let still = 0;
  let frame: number | undefined;
  const tick = () => {
    frame = undefined;
    if (++still < REST_FRAMES) {
      frame = nextFrame(tick);
      return;
    }
    moving = false;
    onMove(false);
  };
  return {
    /** A viewport change. */
    changed() {
      still = 0;
      if (!moving) {
        moving = true;
        onMove(true);
      }
      if (frame === undefined) frame = nextFrame(tick);
    },
    stop() {
      if (frame !== undefined) cancelFrame(frame);
      frame = undefined;
    },
  };
}

/**
 * Marks the canvas with `cw-moving` while its view pans or zooms (see styles.css): the
 * viewport layer then gets `will-change: transform`, so the compositor moves and scales the
 * drawn layer instead of the browser re-painting every node and line each frame (20 entities
 * at 100%: 19 → 42 fps panning on this machine's software raster). At rest the class goes,
 * and the layer is painted again at its new scale — never left blurred, as a permanent
 * `will-change` leaves text after a zoom.
 */
export function useMovingClass(wrapper: RefObject<HTMLElement | null>, subscribe: (onChange: () => void) => () => void): void {
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const watcher = restWatcher(
      (moving) => el.classList.toggle('cw-moving', moving),
      (f) => requestAnimationFrame(f),
      (id) => cancelAnimationFrame(id),
    );
    const unsubscribe = subscribe(() => watcher.changed());
    return () => {
      unsubscribe();
      watcher.stop();
      el.classList.remove('cw-moving');
    };
  }, [wrapper, subscribe]);
}
