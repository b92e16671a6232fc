import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Toolbar } from './actions/Toolbar';
import { useShortcuts } from './actions/use-shortcuts';
// The palette stays in the first load: people type the moment it opens, and keys typed
// while its code loaded would be lost.
import { CommandPalette } from './actions/CommandPalette';
import { Canvas } from './canvas/Canvas';
import { openFile } from './files/documents';
import { OpenProgressIndicator } from './files/OpenProgressIndicator';
import { usePasteFields } from './files/paste';
import { ReadOnlyBar } from './library/ReadOnlyBar';
import { Inspector } from './panels/Inspector';
import { setUi, useAppStore } from './store/store';
import { Toasts } from './Toasts';
import './walkthrough/walkthrough-actions';
import './mapping/mapping-actions';
import './integration/integration-actions';

// Panels that are not needed on first paint load on first use.
const MermaidPanel = lazy(() => import('./panels/MermaidPanel').then((m) => ({ default: m.MermaidPanel })));
const WalkthroughPanel = lazy(() => import('./walkthrough/WalkthroughPanel').then((m) => ({ default: m.WalkthroughPanel })));
const ExportDialog = lazy(() => import('./export/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('./panels/ImportDialog').then((m) => ({ default: m.ImportDialog })));
const GapsPanel = lazy(() => import('./mapping/GapsPanel').then((m) => ({ default: m.GapsPanel })));
const MappingTableDialog = lazy(() => import('./mapping/MappingTableDialog').then((m) => ({ default: m.MappingTableDialog })));
const ShareDialog = lazy(() => import('./library/ShareDialog').then((m) => ({ default: m.ShareDialog })));
const LibraryDialog = lazy(() => import('./library/LibraryDialog').then((m) => ({ default: m.LibraryDialog })));
const IntegrationDialog = lazy(() => import('./integration/IntegrationDialog').then((m) => ({ default: m.IntegrationDialog })));
const HelpDialog = lazy(() => import('./actions/HelpDialog').then((m) => ({ default: m.HelpDialog })));
const PresentMode = lazy(() => import('./walkthrough/PresentMode').then((m) => ({ default: m.PresentMode })));

/** A lazily loaded dialog, rendered (and its code fetched) only while `when` holds. */
function OnDemand({ when, of: Component }: { when: boolean | undefined; of: ComponentType }) {
  return when ? (
    <Suspense fallback={null}>
      <Component />
    </Suspense>
  ) : null;
}

const PANELS = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'mermaid', label: 'Mermaid' },
  { id: 'walkthrough', label: 'Walkthrough' },
  { id: 'gaps', label: 'Gaps' },
] as const;

/** The whole app: toolbar, canvas, side panel, dialogs and messages. */
export function App() {
  useShortcuts();
  usePasteFields();
  const title = useAppStore((s) => s.doc.title);
  const panel = useAppStore((s) => s.ui.rightPanel);
  const busy = useAppStore((s) => s.ui.busy);
  const presenting = useAppStore((s) => s.ui.presenting);
  const exportOpen = useAppStore((s) => s.ui.exportOpen);
  const importOpen = useAppStore((s) => s.ui.importOpen);
  const mappingOpen = useAppStore((s) => s.ui.mappingTable !== undefined);
  const shareOpen = useAppStore((s) => s.ui.shareOpen);
  const libraryOpen = useAppStore((s) => s.ui.libraryOpen);
  const integrationOpen = useAppStore((s) => s.ui.integration !== undefined);
  const helpOpen = useAppStore((s) => s.ui.helpOpen);
  // A share link with &embed shows the canvas alone (for an iframe).
  const embed = useAppStore((s) => s.ui.embed);
  const chrome = !presenting && !embed;

  useEffect(() => {
    document.title = `${title} — Crosswalk`;
  }, [title]);

  return (
    <ReactFlowProvider>
      <div
        className={`cw-app${presenting ? ' is-presenting' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          void openFile(file);
        }}
      >
        {chrome && (
          <header className="cw-header">
            <h1 className="cw-brand">Crosswalk</h1>
            <span className="cw-doc-title" title={title}>{title}</span>
            <Toolbar />
          </header>
        )}
        {!presenting && <ReadOnlyBar />}
        <main className="cw-main">
          <div className="cw-canvas">
            <Canvas />
            {busy && <div className="cw-busy" role="status">{busy}</div>}
            <OpenProgressIndicator />
          </div>
          {chrome && (
            <aside className="cw-side" aria-label="Side panel">
              <div className="cw-tabs" role="tablist">
                {PANELS.map((p) => (
                  <button key={p.id} role="tab" type="button" aria-selected={panel === p.id} onClick={() => setUi({ rightPanel: p.id })}>
                    {p.label}
                  </button>
                ))}
              </div>
              <div className="cw-side-body" role="tabpanel">
                <Suspense fallback={<p className="cw-hint">Loading…</p>}>
                  {panel === 'inspector' && <Inspector />}
                  {panel === 'mermaid' && <MermaidPanel />}
                  {panel === 'walkthrough' && <WalkthroughPanel />}
                  {panel === 'gaps' && <GapsPanel />}
                </Suspense>
              </div>
            </aside>
          )}
        </main>
        {/* One boundary per dialog: one loading its code does not hide another already open. */}
        <OnDemand when={presenting} of={PresentMode} />
        <OnDemand when={exportOpen} of={ExportDialog} />
        <OnDemand when={importOpen} of={ImportDialog} />
        <OnDemand when={mappingOpen} of={MappingTableDialog} />
        <OnDemand when={shareOpen} of={ShareDialog} />
        <OnDemand when={libraryOpen} of={LibraryDialog} />
        <OnDemand when={integrationOpen && !presenting} of={IntegrationDialog} />
        <OnDemand when={helpOpen} of={HelpDialog} />
        <CommandPalette />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
