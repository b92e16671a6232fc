import { flushSync } from 'react-dom';
import { memo, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { suggestMappings, type MappingSuggestion } from '../../model/automap';
import { computeCoverage } from '../../model/coverage';
import { formatSources, mappingRows, parseSourceCell, setRowSources, setRowText, type MappingPair, type MappingRow, type RowStatus } from '../../model/mapping-table';
import type { CrosswalkDocument } from '../../model/types';
import { Dialog } from '../panels/Dialog';
import { applyEdit, getState, notify, redo, setUi, undo, useAppStore, type TableSide } from '../store/store';
import { COLUMNS, EDITABLE, formatBlock, gridCommand, parseBlock, selectedRange, type Cell, type GridCursor } from './grid';
import { pairOf } from './open-table';
import { pasteBlock } from './paste';
import { isTypingTarget } from '../actions/shortcut';
import './mapping.css';
import { count } from '../../model/plural';

// The mapping table: a spreadsheet over the document, one row per target field. Every change
// goes through applyEdit, so the canvas, the exports and undo see it at once.

const STATUS_TEXT: Readonly<Record<RowStatus, string>> = {
  mapped: 'mapped',
  unmapped: '',
  'unmapped-required': 'required, unmapped',
  'type-mismatch': 'types differ, no transform',
  'multiple-sources': 'several sources',
};

const sideKey = (side: TableSide) => ('system' in side ? `system:${side.system}` : `entity:${side.entity}`);
const parseSide = (key: string): TableSide => (key.startsWith('system:') ? { system: key.slice(7) } : { entity: key.slice(7) });

/** The text of a cell, as shown and as copied. */
function cellText(doc: CrosswalkDocument, row: MappingRow, col: number, manyTargets: boolean, manySources: boolean): string {
  switch (COLUMNS[col]) {
    case 'target': return manyTargets ? `${row.entity.name}.${row.field.name}` : row.field.name;
    case 'source': return formatSources(doc, row.sources, manySources);
    case 'transform': return row.transform;
    case 'notes': return row.notes;
    case 'status': return STATUS_TEXT[row.status];
  }
}

/** The spreadsheet of mappings for a pair of systems or entities. */
export function MappingTableDialog() {
  const table = useAppStore((s) => s.ui.mappingTable);
  const doc = useAppStore((s) => s.doc);
  if (!table) return null;
  return <MappingTable doc={doc} source={table.source} target={table.target} focusRow={table.focusRow} />;
}

function MappingTable({ doc, source, target, focusRow }: { doc: CrosswalkDocument; source: TableSide; target: TableSide; focusRow?: string }) {
  const pair: MappingPair = useMemo(() => pairOf(doc, source, target), [doc, source, target]);
  const rows = useMemo(() => mappingRows(doc, pair), [doc, pair]);
  const manyTargets = pair.targets.length > 1;
  const manySources = pair.sources.length > 1;
  const [cursor, setCursor] = useState<GridCursor>(() => {
    const row = Math.max(0, rows.findIndex((r) => r.key === focusRow));
    return { active: { row, col: 1 }, anchor: { row, col: 1 } };
  });
  const [editing, setEditing] = useState<{ cell: Cell; draft: string } | undefined>();
  const [suggestions, setSuggestions] = useState<MappingSuggestion[] | undefined>();
  const gridRef = useRef<HTMLDivElement>(null);
  const close = () => setUi({ mappingTable: undefined });

  const active = { row: Math.min(cursor.active.row, Math.max(0, rows.length - 1)), col: cursor.active.col };
  const range = selectedRange(cursor);

  useEffect(() => {
    gridRef.current?.querySelector(`[data-cell="${active.row}-${active.col}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active.row, active.col]);
  useEffect(() => {
    gridRef.current?.focus();
  }, []);

  // Suggestions for rows that are still unfed (accepting one, or mapping by hand, retires it).
  const openSuggestions = useMemo(() => {
    if (!suggestions) return undefined;
    const unfed = new Set(rows.filter((r) => r.links.length === 0).map((r) => r.key));
    return new Map(suggestions.filter((s) => unfed.has(`${s.to.entity}\u0000${s.to.field}`)).map((s) => [`${s.to.entity}\u0000${s.to.field}`, s]));
  }, [suggestions, rows]);

  const sourceOptions = useMemo(
    () => pair.sources.flatMap((id) => {
      const e = doc.entities.find((x) => x.id === id);
      return e ? e.fields.map((f) => (manySources ? `${e.name}.${f.name}` : f.name)) : [];
    }),
    [doc.entities, pair.sources, manySources],
  );

  const coverage = useMemo(() => {
    const targets = new Set(pair.targets);
    return computeCoverage(doc).entities.filter((e) => targets.has(e.entityId));
  }, [doc, pair.targets]);

  /**
   * Ends an edit and gives the keyboard back to the grid at once: the input is removed
   * synchronously (flushSync) and the grid focused in the same event, so a key typed right
   * after Enter or Tab reaches the grid. (Focusing a frame later dropped those keys on the
   * page: "lowercase" typed after Tab arrived as "owercase".)
   */
  function endEdit(next?: Cell) {
    flushSync(() => {
      setEditing(undefined);
      if (next) setCursor({ active: next, anchor: next });
    });
    gridRef.current?.focus();
  }

  function commit(cell: Cell, text: string) {
    const row = rows[cell.row];
    if (!row) return;
    const at = { entity: row.entity.id, field: row.field.id };
    const column = COLUMNS[cell.col];
    if (column === 'source') {
      const { sources, unknown } = parseSourceCell(doc, pair, text);
      if (unknown.length) notify('error', `No source field named ${unknown.map((u) => `"${u}"`).join(', ')} in ${pairLabel(doc, source)}.`);
      if (unknown.length && sources.length === 0 && text.trim()) return;
      applyEdit((d) => setRowSources(d, pair, at, sources));
    } else if (column === 'transform' || column === 'notes') {
      if (row.links.length === 0 && text.trim()) {
        notify('info', `Give ${row.field.name} a source first: a ${column === 'transform' ? 'transform' : 'note'} belongs to a mapping.`);
        return;
      }
      applyEdit((d) => setRowText(d, pair, at, column, text.trim()));
    }
  }

  function clearRange() {
    applyEdit((d) => {
      let next = d;
      for (let r = range.top; r <= range.bottom; r++) {
        const row = rows[r];
        if (!row) continue;
        const at = { entity: row.entity.id, field: row.field.id };
        for (let c = range.left; c <= range.right; c++) {
          const column = COLUMNS[c];
          if (column === 'source') next = setRowSources(next, pair, at, []);
          else if (column === 'transform' || column === 'notes') next = setRowText(next, pair, at, column, '');
        }
      }
      return next;
    });
  }

  function onGridKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (editing || e.target !== e.currentTarget) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
      return;
    }
    if (mod && !e.altKey && e.key === 'y') {
      e.preventDefault();
      redo();
      return;
    }
    const command = gridCommand(e, { active, anchor: cursor.anchor }, rows.length);
    switch (command.kind) {
      case 'move':
        e.preventDefault();
        setCursor((c) => ({ active: command.to, anchor: command.extend ? c.anchor : command.to }));
        return;
      case 'edit': {
        e.preventDefault();
        const row = rows[active.row];
        if (row) setEditing({ cell: active, draft: command.initial ?? cellText(doc, row, active.col, manyTargets, manySources) });
        return;
      }
      case 'clear':
        e.preventDefault();
        clearRange();
        return;
    }
  }

  function blockText(): string {
    const cells: string[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      const line: string[] = [];
      for (let c = range.left; c <= range.right; c++) line.push(cellText(doc, row, c, manyTargets, manySources));
      cells.push(line);
    }
    return formatBlock(cells);
  }

  function onCopy(e: ClipboardEvent<HTMLDivElement>, cut = false) {
    if (editing) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', blockText());
    if (cut) clearRange();
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    if (editing) return;
    e.preventDefault();
    const block = parseBlock(e.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const start = { row: range.top, col: range.left };
    let result: ReturnType<typeof pasteBlock> | undefined;
    applyEdit((d) => {
      result = pasteBlock(d, pair, mappingRows(d, pair), start, block);
      return result.doc;
    });
    // A read-only document refused the paste (and said so): nothing was pasted.
    if (getState().ui.readOnly) return;
    if (result?.problems.length) notify('error', `Pasted ${count(result.changed, 'row')}; ${result.problems.length} could not be read.`, result.problems.slice(0, 20));
    else if (result) notify('success', `Pasted ${count(result.changed, 'row')}.`);
  }

  function accept(list: readonly MappingSuggestion[]) {
    if (list.length === 0) return;
    applyEdit((d) => list.reduce((next, s) => setRowSources(next, pair, s.to, [s.from]), d));
    // The clicked button goes away (or is disabled): keep the keyboard in the table, so
    // Ctrl/Cmd+Z right after undoes the accept instead of reaching nothing.
    gridRef.current?.focus();
  }

  /** Undo and redo while a button or select of the table has the focus (the grid handles its own). */
  function onDialogKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.defaultPrevented || isTypingTarget(e.target) || !(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    e.preventDefault();
    if (key === 'y' || e.shiftKey) redo();
    else undo();
  }

  // Rows call back through one ref that always holds this render's handlers, so a memoised
  // row never runs a stale closure and its props stay plain values.
  const actions = useRef<RowActions>(undefined as unknown as RowActions);
  actions.current = {
    select(i, col, extend) {
      setEditing(undefined);
      setCursor((c) => ({ active: { row: i, col }, anchor: extend ? c.anchor : { row: i, col } }));
    },
    startEdit(i, col) {
      const row = rows[i];
      if (!row || !EDITABLE.has(COLUMNS[col])) return;
      setCursor({ active: { row: i, col }, anchor: { row: i, col } });
      setEditing({ cell: { row: i, col }, draft: cellText(doc, row, col, manyTargets, manySources) });
    },
    draft(text) {
      setEditing((ed) => (ed ? { ...ed, draft: text } : ed));
    },
    editKey(i, key, shift) {
      if (!editing) return;
      if (key === 'Escape') {
        endEdit();
        return;
      }
      commit(editing.cell, editing.draft);
      const next = key === 'Tab'
        ? { row: i, col: Math.min(COLUMNS.length - 1, Math.max(0, editing.cell.col + (shift ? -1 : 1))) }
        : { row: Math.max(0, Math.min(rows.length - 1, i + (shift ? -1 : 1))), col: editing.cell.col };
      endEdit(next);
    },
    blurEdit() {
      if (!editing) return;
      commit(editing.cell, editing.draft);
      setEditing(undefined);
    },
    accept(i) {
      const s = openSuggestions?.get(rows[i]?.key ?? '');
      if (s) accept([s]);
    },
    reject(i) {
      const s = openSuggestions?.get(rows[i]?.key ?? '');
      if (s) setSuggestions((list) => list?.filter((x) => x !== s));
      gridRef.current?.focus();
    },
  };

  const sides = [
    ...doc.systems.map((s) => ({ key: sideKey({ system: s.id }), label: s.name })),
    ...doc.entities.map((e) => ({ key: sideKey({ entity: e.id }), label: `${e.system ? `${doc.systems.find((s) => s.id === e.system)?.name ?? e.system} › ` : ''}${e.name}` })),
  ];
  const openCount = openSuggestions?.size ?? 0;

  return (
    <Dialog title="Mapping table" className="cw-mapping" onClose={close} onKeyDown={onDialogKeyDown}>
      <div className="cw-mapping-bar">
        <label>
          Source{' '}
          <select aria-label="Source" value={sideKey(source)} onChange={(e) => setUi({ mappingTable: { source: parseSide(e.target.value), target } })}>
            {sides.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
          </select>
        </label>
        <button type="button" aria-label="Swap source and target" title="Swap source and target" onClick={() => setUi({ mappingTable: { source: target, target: source } })}>⇄</button>
        <label>
          Target{' '}
          <select aria-label="Target" value={sideKey(target)} onChange={(e) => setUi({ mappingTable: { source, target: parseSide(e.target.value) } })}>
            {sides.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
          </select>
        </label>
        <span className="cw-mapping-spacer" />
        {openSuggestions === undefined ? (
          <button type="button" onClick={() => setSuggestions(suggestMappings(doc, pair.sources.map((id) => doc.entities.find((e) => e.id === id)!), pair.targets.map((id) => doc.entities.find((e) => e.id === id)!)))}>
            Suggest mappings
          </button>
        ) : (
          <>
            <span role="status">{openCount} suggestion{openCount === 1 ? '' : 's'}</span>
            <button type="button" disabled={openCount === 0} onClick={() => accept([...openSuggestions.values()])}>Accept all</button>
            <button type="button" onClick={() => (setSuggestions(undefined), gridRef.current?.focus())}>{openCount ? 'Reject all' : 'Done'}</button>
          </>
        )}
      </div>
      <p className="cw-mapping-summary">
        {coverage.length === 0
          ? 'No target field is fed yet.'
          : coverage.map((c) => `${c.entity}: ${c.mapped} of ${count(c.fields, 'field')} fed, required ${c.requiredMapped} of ${c.required}`).join(' · ')}
      </p>
      <div
        ref={gridRef}
        className="cw-mapping-grid"
        role="grid"
        aria-label="Mappings, one row per target field"
        aria-rowcount={rows.length + 1}
        tabIndex={0}
        onKeyDown={onGridKeyDown}
        onCopy={(e) => onCopy(e)}
        onCut={(e) => onCopy(e, true)}
        onPaste={onPaste}
      >
        <div role="row" className="cw-mapping-row is-head">
          {COLUMN_LABELS.map((h) => <div key={h} role="columnheader">{h}</div>)}
        </div>
        {rows.length === 0 && <p className="cw-hint">The target side has no fields.</p>}
        {rows.map((row, i) => {
          const suggestion = openSuggestions?.get(row.key);
          return (
            <Row
              key={row.key}
              index={i}
              texts={[0, 1, 2, 3, 4].map((c) => cellText(doc, row, c, manyTargets, manySources)).join('\u0001')}
              type={row.field.type ?? ''}
              required={row.field.required === true}
              status={row.status}
              activeCol={i === active.row ? active.col : -1}
              rangeLeft={i >= range.top && i <= range.bottom ? range.left : -1}
              rangeRight={i >= range.top && i <= range.bottom ? range.right : -1}
              editingCol={editing && editing.cell.row === i ? editing.cell.col : -1}
              draft={editing && editing.cell.row === i ? editing.draft : ''}
              suggestion={suggestion ? `${formatSources(doc, [suggestion.from], manySources)} (${suggestion.reason})` : ''}
              actions={actions}
            />
          );
        })}
      </div>
      <datalist id="cw-mapping-sources">
        {sourceOptions.map((o) => <option key={o} value={o} />)}
      </datalist>
      <p className="cw-hint">
        Arrows move, typing or Enter edits, Enter commits, Delete clears, Ctrl/Cmd+C and V copy and paste blocks with a
        spreadsheet, Ctrl/Cmd+Z undoes. Several sources: separate them with + or a comma.
      </p>
    </Dialog>
  );
}

function pairLabel(doc: CrosswalkDocument, side: TableSide): string {
  return 'system' in side ? (doc.systems.find((s) => s.id === side.system)?.name ?? side.system) : (doc.entities.find((e) => e.id === side.entity)?.name ?? side.entity);
}

/** What a row can ask of its table, by row index. */
interface RowActions {
  select(row: number, col: number, extend: boolean): void;
  startEdit(row: number, col: number): void;
  draft(text: string): void;
  editKey(row: number, key: 'Enter' | 'Tab' | 'Escape', shift: boolean): void;
  blurEdit(): void;
  accept(row: number): void;
  reject(row: number): void;
}

interface RowProps {
  index: number;
  /** The five cell texts joined by U+0001, so the memo compares one string. */
  texts: string;
  type: string;
  required: boolean;
  status: RowStatus;
  activeCol: number;
  rangeLeft: number;
  rangeRight: number;
  editingCol: number;
  draft: string;
  suggestion: string;
  actions: RefObject<RowActions>;
}

const COLUMN_LABELS = ['Target field', 'Source field(s)', 'Transform', 'Notes', 'Status'] as const;

/** One row; memoised on plain props (the actions ref never changes). */
const Row = memo(function Row(p: RowProps) {
  const texts = p.texts.split('\u0001');
  const act = () => p.actions.current;
  return (
    <div role="row" aria-rowindex={p.index + 2} className={`cw-mapping-row is-${p.status}`}>
      {COLUMNS.map((column, c) => {
        const inRange = c >= p.rangeLeft && c <= p.rangeRight && p.rangeLeft >= 0;
        const className = `cw-mapping-cell is-${column}${c === p.activeCol ? ' is-active' : ''}${inRange ? ' is-in-range' : ''}`;
        return (
          <div
            key={column}
            role="gridcell"
            data-cell={`${p.index}-${c}`}
            aria-selected={c === p.activeCol}
            aria-readonly={!EDITABLE.has(column)}
            className={className}
            onMouseDown={(e) => {
              if (p.editingCol === c) return;
              act().select(p.index, c, e.shiftKey);
            }}
            onDoubleClick={() => act().startEdit(p.index, c)}
          >
            {p.editingCol === c ? (
              <input
                autoFocus
                aria-label={`${COLUMN_LABELS[c]} of ${texts[0]}`}
                value={p.draft}
                list={column === 'source' ? 'cw-mapping-sources' : undefined}
                onChange={(e) => act().draft(e.target.value)}
                onBlur={() => act().blurEdit()}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === 'Tab' || e.key === 'Escape') {
                    e.preventDefault();
                    e.stopPropagation();
                    act().editKey(p.index, e.key, e.shiftKey);
                  }
                }}
              />
            ) : column === 'target' ? (
              <>
                <span className={p.required ? 'is-required' : undefined}>{texts[0]}</span>
                {p.type && <span className="cw-mapping-type">{p.type}</span>}
              </>
            ) : column === 'status' && p.suggestion ? (
              <span className="cw-mapping-suggestion">
                Suggested: {p.suggestion}{' '}
                <button type="button" onMouseDown={(e) => e.stopPropagation()} onClick={() => act().accept(p.index)}>Accept</button>{' '}
                <button type="button" onMouseDown={(e) => e.stopPropagation()} onClick={() => act().reject(p.index)}>Reject</button>
              </span>
            ) : (
              texts[c]
            )}
          </div>
        );
      })}
    </div>
  );
});
