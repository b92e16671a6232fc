import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { computeGeometry } from '../../model/geometry';
import * as ops from '../../model/ops';
import { createDocument } from '../../model/ops';
import type { DocMeta } from '../persistence/backend';
import { duplicateStored, emptyTrash, listLibrary, onLibraryChange, readStoredDocument, renameStored, setTrashed } from '../persistence/library';
import { currentDocumentId, openAsNewDocument, openLibraryDocument } from '../persistence/session';
import { download } from '../files/documents';
import { Dialog } from '../panels/Dialog';
import { applyEdit, notify, setUi } from '../store/store';
import { exportLibraryZip, importLibraryZip } from './library-zip';
import './library.css';
import { count } from '../../model/plural';

/** A small picture of a document: its systems and entities as boxes (no rendering library). */
function Thumbnail({ id }: { id: string }) {
  const [boxes, setBoxes] = useState<{ view: string; rects: { x: number; y: number; w: number; h: number; system: boolean }[] }>();
  useEffect(() => {
    let live = true;
    void readStoredDocument(id).then((doc) => {
      if (!live || !doc) return;
      const geo = computeGeometry(doc);
      const b = geo.bounds;
      const rects = [
        ...[...geo.systems.values()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height, system: true })),
        ...[...geo.entities.values()].map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height, system: false })),
      ];
      setBoxes({ view: `${b.x - 20} ${b.y - 20} ${Math.max(b.width, 1) + 40} ${Math.max(b.height, 1) + 40}`, rects });
    });
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <svg className="cw-thumb" viewBox={boxes?.view ?? '0 0 1 1'} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      {boxes?.rects.map((r, i) => (
        <rect key={i} x={r.x} y={r.y} width={r.w} height={r.h} className={r.system ? 'cw-thumb-system' : 'cw-thumb-entity'} vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  );
}

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function Row({ meta, open, onChanged }: { meta: DocMeta; open: boolean; onChanged: (deleted?: DocMeta) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(meta.title);
  const act = (what: string, run: () => Promise<unknown>) =>
    run().then(
      () => onChanged(),
      (e: unknown) => notify('error', `Could not ${what}: ${e instanceof Error ? e.message : String(e)}`),
    );
  const rename = () => {
    setRenaming(false);
    const title = name.trim();
    if (!title || title === meta.title) return setName(meta.title);
    if (open) {
      // An undoable edit of the open document; the list follows when the save lands.
      applyEdit((d) => ops.updateDocumentInfo(d, { title }));
      return;
    }
    void act('rename it', () => renameStored(meta.id, title));
  };
  return (
    <li className={`cw-library-row${open ? ' is-open' : ''}`} data-doc-id={meta.id}>
      <Thumbnail id={meta.id} />
      <div className="cw-library-info">
        {renaming ? (
          <input
            aria-label="New title"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => {
              if (e.key === 'Enter') rename();
              if (e.key === 'Escape') {
                e.stopPropagation();
                setName(meta.title);
                setRenaming(false);
              }
            }}
          />
        ) : (
          <span className="cw-library-title">{meta.title}</span>
        )}
        <span className="cw-library-counts">
          {count(meta.systems, 'system')} · {count(meta.entities, 'entity', 'entities')} · {count(meta.links, 'link')}
          {meta.steps ? ` · ${count(meta.steps, 'step')}` : ''} · changed {when(meta.updatedAt)}
          {open ? ' · open now' : ''}
        </span>
      </div>
      <div className="cw-library-buttons">
        <button type="button" disabled={open} onClick={() => void openLibraryDocument(meta.id).then(() => setUi({ libraryOpen: false }))}>
          Open
        </button>
        <button type="button" onClick={() => setRenaming(true)}>Rename</button>
        <button type="button" onClick={() => void act('duplicate it', () => duplicateStored(meta.id))}>Duplicate</button>
        <button
          type="button"
          disabled={open}
          title={open ? 'This document is open: open another one first.' : undefined}
          onClick={() => void setTrashed(meta.id, true).then(() => onChanged(meta))}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

/** The library: every document kept in this browser, searchable, with the trash. */
export function LibraryDialog() {
  const [docs, setDocs] = useState<DocMeta[]>();
  const [trash, setTrash] = useState<DocMeta[]>([]);
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState<DocMeta>();
  const fileInput = useRef<HTMLInputElement>(null);
  const openId = currentDocumentId();

  const reload = useCallback(() => {
    void listLibrary().then(
      (l) => {
        setDocs(l.documents);
        setTrash(l.trash);
      },
      (e: unknown) => notify('error', `Could not read the library: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, []);
  useEffect(() => {
    reload();
    return onLibraryChange(reload);
  }, [reload]);

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (docs ?? []).filter((d) => !q || d.title.toLocaleLowerCase().includes(q));
  }, [docs, query]);

  const exportAll = async () => {
    const { blob, count: documents } = await exportLibraryZip();
    download(blob, `crosswalk-library-${new Date().toISOString().slice(0, 10)}.zip`, 'application/zip');
    notify('success', `Exported ${count(documents, 'document')} as one zip.`);
  };
  const importZip = async (file: File) => {
    const { added, problems } = await importLibraryZip(file);
    if (added) notify('success', `Imported ${count(added, 'document')} from ${file.name}.`);
    if (problems.length) notify('error', `Some of ${file.name} could not be imported:`, problems.slice(0, 50));
    reload();
  };

  return (
    <Dialog title="Library" onClose={() => setUi({ libraryOpen: false })} className="cw-library-dialog">
      <div className="cw-library-top">
        <input type="search" aria-label="Search documents" placeholder="Search by title" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" onClick={() => void openAsNewDocument(createDocument('Untitled')).then(() => setUi({ libraryOpen: false }))}>New document</button>
        <button type="button" onClick={() => void exportAll()}>Export all (.zip)</button>
        <button type="button" onClick={() => fileInput.current?.click()}>Import a zip…</button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importZip(file);
          }}
        />
      </div>
      {deleted && (
        <p role="status" className="cw-library-deleted">
          Moved “{deleted.title}” to the trash.{' '}
          <button type="button" onClick={() => void setTrashed(deleted.id, false).then(() => (setDeleted(undefined), reload()))}>Undo</button>
        </p>
      )}
      {!docs && <p className="cw-hint">Reading the library…</p>}
      {docs && (
        <ul className="cw-library-list" aria-label="Documents">
          {shown.map((m) => (
            <Row
              key={`${m.id}:${m.revision}`}
              meta={m}
              open={m.id === openId}
              onChanged={(d) => {
                if (d) setDeleted(d);
                reload();
              }}
            />
          ))}
          {shown.length === 0 && <li className="cw-hint">{query ? 'No document matches.' : 'The library is empty.'}</li>}
        </ul>
      )}
      {trash.length > 0 && (
        <details className="cw-library-trash">
          <summary>Trash ({trash.length})</summary>
          <ul>
            {trash.map((m) => (
              <li key={m.id}>
                {m.title}{' '}
                <button type="button" onClick={() => void setTrashed(m.id, false).then(reload)}>Restore</button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void emptyTrash().then(reload)}>Empty the trash</button>
        </details>
      )}
    </Dialog>
  );
}
