import { useEffect } from 'react';
import { dismissToast, useAppStore, type Toast } from './store/store';

function ToastView({ toast }: { toast: Toast }) {
  useEffect(() => {
    // Errors and messages offering an action stay until dismissed; the rest fade.
    if (toast.kind === 'error' || toast.action) return;
    const t = setTimeout(() => dismissToast(toast.id), 4000);
    return () => clearTimeout(t);
  }, [toast]);
  return (
    <div className={`cw-toast cw-toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <div className="cw-toast-text">{toast.text}</div>
      {toast.details && (
        <ul className="cw-toast-details">
          {toast.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      {toast.action && (
        <button
          type="button"
          className="cw-toast-action"
          onClick={() => {
            dismissToast(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="cw-toast-dismiss" aria-label="Dismiss message" onClick={() => dismissToast(toast.id)}>×</button>
    </div>
  );
}

/** Messages to the user: errors (with every problem listed) and confirmations. */
export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <div className="cw-toasts" aria-live="polite">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  );
}
