import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ViewportPortal,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { focusScope } from '../../model/meaning';
import * as ops from '../../model/ops';
import type { Point } from '../../model/types';
import { connect } from '../store/commands';
import { applyTransient, commitTransient, getState, select, useAppStore } from '../store/store';
import { finishDrag, finishResize } from './drag';
import { EntityNodeView } from './EntityNodeView';
import { setFlowInstance, fitTo } from './flow-instance';
import { endpointFromHandle } from './handles';
import { LinkEdgeView, LinkMarkers } from './LinkEdgeView';
import { LinkLabelLayer } from './LinkLabelLayer';
import { NoteNodeView } from './NoteNodeView';
import { useGeometryHandles } from './keep-handles';
import { DETAIL_ZOOM, OVERVIEW_MIN_ENTITIES, TITLE_ZOOM, geometryOf } from './overview-model';
import { useDrawEverything } from './flow-instance';
import { SystemNodeView } from './SystemNodeView';
import { toFlow, type CanvasNode, type LinkEdge } from './to-flow';
import { useMovingClass } from './moving';
import { useWheelZoom } from './wheel-zoom';
import { activeFlow } from './active-flow';
import { DotGrid } from './DotGrid';
import { loadedOverviewLayer, loadOverviewLayer } from './overview-loader';

// The canvas drawing of large documents (and its hit-testing) loads when the first one opens
// (see overview-loader.ts): rendered as it is once loaded, through React.lazy until then.
const LazyOverviewLayer = lazy(() => loadOverviewLayer().then((OverviewLayer) => ({ default: OverviewLayer })));

// Module scope, so React Flow never sees new node types between renders.
const nodeTypes = { entity: EntityNodeView, system: SystemNodeView, note: NoteNodeView };
const edgeTypes = { link: LinkEdgeView };
const SNAP: [number, number] = [10, 10];
const NO_EDGES: LinkEdge[] = [];
const MIN_ZOOM = 0.02;
const MAX_ZOOM = 3;

/**
 * A plain click on a node selects that node alone: React Flow keeps the others when the
 * node clicked was already selected (so a group can be dragged), which silently carried
 * them into "Focus on selection". Shift, Ctrl or Cmd + click still add and remove.
 */
function selectOnlyOnPlainClick(e: ReactMouseEvent, node: { id: string }): void {
  if (e.shiftKey || e.metaKey || e.ctrlKey) return;
  const { ids, field } = getState().selection;
  if (ids.length === 1 && ids[0] === node.id) return;
  select({ ids: [node.id], field: field?.entity === node.id ? field : undefined });
}

/** The diagram canvas: a view of the store's document; every change goes back as an edit. */
export function Canvas() {
  const doc = useAppStore((s) => s.doc);
  const selectionIds = useAppStore((s) => s.selection.ids);
  const activeStep = useAppStore((s) => (s.ui.presenting ? s.doc.walkthrough?.[s.ui.presentStep]?.id : s.ui.activeStep));
  const snapToGrid = useAppStore((s) => s.ui.snapToGrid);
  const minimap = useAppStore((s) => s.ui.minimap);
  const presenting = useAppStore((s) => s.ui.presenting);
  // A shared (read-only) document: nothing moves, connects or changes, even for a moment.
  const readOnly = useAppStore((s) => !!s.ui.readOnly);
  const editable = !presenting && !readOnly;
  const fitRequest = useAppStore((s) => s.ui.fitRequest);
  const flow = useReactFlow<CanvasNode, LinkEdge>();
  const flowStore = useStoreApi<CanvasNode, LinkEdge>();
  useGeometryHandles();
  // Level of detail. A large document is drawn on one <canvas> at every zoom (OverviewLayer),
  // and React Flow holds only the entities and notes being worked on (hovered, selected,
  // edited, connected from), and none below DETAIL_ZOOM: the DOM, not JavaScript, was the
  // frame cost (at 100% each frame re-rasterised every long edge path). The selector changes
  // only when the zoom crosses the threshold, so zooming renders nothing here.
  const zoomedOut = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  const connectingFrom = useStore((s) => (s.connection.inProgress ? s.connection.fromNode.id : undefined));
  // A picture taken from the DOM needs every node there (see capture.ts).
  const everything = useDrawEverything();
  // Small documents stay whole DOM at every zoom: fast enough, and exactly what a picture shows.
  const large = doc.entities.length >= OVERVIEW_MIN_ENTITIES;
  const overview = large && !everything;
  // A small document zoomed out past readable rows: entities as title boxes, links folded (the
  // canvas's title level, in the DOM): the browser then paints and composites a few hundred
  // boxes and lines, not every row, label and line end. Not while a picture is taken.
  const titleBoxes = useStore((s) => s.transform[2] < TITLE_ZOOM) && !large && !everything;
  const [hovered, setHovered] = useState<string>();
  const editingEntity = useAppStore((s) => s.ui.editingField?.entity);
  // The overview layer as it is once loaded, else lazily: chosen when the overview starts, so
  // a lazy load completing later does not mount it again.
  const OverviewLayer = useMemo(() => (overview ? (loadedOverviewLayer() ?? LazyOverviewLayer) : undefined), [overview]);
  const prev = useRef<{ nodes: CanvasNode[]; edges: LinkEdge[] }>(undefined);
  const prevActive = useRef<CanvasNode[]>(undefined);
  /** Each detached entity's system origin (see active-flow.ts). */
  const offsets = useRef(new Map<string, Point>());
  const dragging = useRef(false);
  const wrapper = useRef<HTMLDivElement>(null);
  useWheelZoom(wrapper, flow, MIN_ZOOM, MAX_ZOOM);
  const onViewportChange = useCallback(
    (changed: () => void) => {
      let last = flowStore.getState().transform;
      return flowStore.subscribe((s) => {
        if (s.transform === last) return;
        last = s.transform;
        changed();
      });
    },
    [flowStore],
  );
  useMovingClass(wrapper, onViewportChange);

  const bounds = geometryOf(doc).bounds;
  const focus = useMemo(() => {
    const step = activeStep ? doc.walkthrough?.find((s) => s.id === activeStep) : undefined;
    return step?.focus?.length ? focusScope(doc, step.focus).lit : undefined;
  }, [doc, activeStep]);

  const active = useMemo(() => {
    const ids = new Set<string>();
    if (!overview || zoomedOut) return ids;
    for (const id of selectionIds) ids.add(id);
    // (Not the hovered one while presenting: nothing there is edited or connected.)
    for (const id of [presenting ? undefined : hovered, editingEntity, connectingFrom]) if (id !== undefined) ids.add(id);
    return ids;
  }, [overview, zoomedOut, selectionIds, hovered, editingEntity, connectingFrom, presenting]);

  const { nodes, edges } = useMemo(() => {
    const view = { selected: new Set(selectionIds), focus, fold: titleBoxes };
    if (overview) {
      const result = activeFlow(doc, active, view, prevActive.current, hovered);
      prevActive.current = result.nodes;
      offsets.current = result.offsets;
      return { nodes: result.nodes, edges: NO_EDGES };
    }
    offsets.current = new Map();
    const result = toFlow(doc, view, prev.current);
    prev.current = result;
    return result;
  }, [doc, selectionIds, focus, overview, active, hovered, titleBoxes]);

  // (A layout effect, so the fit below, in the same commit, finds the instance.)
  useLayoutEffect(() => {
    setFlowInstance(flow);
    return () => setFlowInstance(undefined);
  }, [flow]);

  // A newly opened document is fitted in the commit that shows it, before anything draws it
  // (the overview canvas draws in an effect, after this): fitting reads the document's
  // geometry and nodes carry their sizes, so nothing needs measuring first.
  // On the canvas's first mount React Flow has not set up its pan and zoom yet (it does in an
  // effect, after this) and the frame may not be laid out: then it is fitted two frames on.
  useLayoutEffect(() => {
    if (fitRequest === 0 || (flowStore.getState().panZoom && fitTo([], 0))) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => fitTo([], 0));
    });
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, flowStore]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const positions = new Map<string, Point>();
    const sizes = new Map<string, { width: number; height: number }>();
    let selectionChanged = false;
    let selected = new Set(getState().selection.ids);
    // A plain click selects one node: React Flow deselects what it holds, and what only the
    // canvas draws (a line, a system, an entity off the DOM) is deselected here.
    if (changes.some((c) => c.type === 'select' && c.selected) && !flowStore.getState().multiSelectionActive) {
      const held = flowStore.getState().nodeLookup;
      selected = new Set([...selected].filter((id) => held.has(id)));
    }
    let dragEnded = false;
    let resizeEnded = false;
    for (const c of changes) {
      if (c.type === 'position' && c.position) {
        // A detached entity (over the canvas) moves in diagram coordinates; the document keeps it relative to its system.
        const origin = offsets.current.get(c.id);
        positions.set(c.id, origin ? { x: c.position.x - origin.x, y: c.position.y - origin.y } : c.position);
        if (c.dragging === false) dragEnded = true;
      } else if (c.type === 'dimensions' && c.dimensions && c.resizing !== undefined) {
        sizes.set(c.id, c.dimensions);
        if (!c.resizing) resizeEnded = true;
      } else if (c.type === 'select') {
        selectionChanged = true;
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
    }
    if (positions.size || sizes.size) {
      // Only systems keep a size; entity and note sizes follow from their content.
      const systemIds = new Set(getState().doc.systems.map((s) => s.id));
      for (const id of sizes.keys()) if (!systemIds.has(id)) sizes.delete(id);
      applyTransient((d) => ops.setPositions(d, positions, sizes));
      if (resizeEnded) finishResize([...sizes.keys()]);
      // A mouse drag is committed by onNodeDragStop (with any re-parenting, as one step);
      // this commits moves that end without a drag (keyboard nudges).
      else if (dragEnded && !dragging.current) setTimeout(commitTransient, 0);
    }
    if (selectionChanged) select({ ids: [...selected] });
  }, [flowStore]);

  const onEdgesChange = useCallback((changes: EdgeChange<LinkEdge>[]) => {
    const selected = new Set(getState().selection.ids);
    let changed = false;
    for (const c of changes) {
      if (c.type === 'select') {
        changed = true;
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
    }
    if (changed) select({ ids: [...selected] });
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const from = endpointFromHandle(c.source, c.sourceHandle);
    const to = endpointFromHandle(c.target, c.targetHandle);
    if (from && to) connect(from, to);
  }, []);

  /** Dropping an entity into or out of a system re-parents it, in the same undo step as the drag. */
  const onNodeDragStop = useCallback((_: unknown, _node: CanvasNode, dragged: CanvasNode[]) => {
    // React Flow may report the drag's last position after this callback: finish once it has.
    setTimeout(() => {
      dragging.current = false;
      finishDrag(dragged.map((n) => n.id));
    }, 0);
  }, []);


  return (
    <ReactFlow<CanvasNode, LinkEdge>
      ref={wrapper}
      nodes={nodes}
      edges={edges}
      className={titleBoxes ? 'cw-titles' : undefined}
      // Only what is on screen is in the DOM (a picture turns it off: it needs everything).
      onlyRenderVisibleElements={large && !everything}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onNodeDragStart={() => {
        dragging.current = true;
      }}
      onNodeDragStop={onNodeDragStop}
      onPaneClick={() => select({ ids: [] })}
      onNodeClick={selectOnlyOnPlainClick}
      connectionMode={ConnectionMode.Loose}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      snapToGrid={snapToGrid}
      snapGrid={SNAP}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      zoomOnScroll={false}
      zoomOnDoubleClick={false}
      nodesDraggable={editable}
      nodesConnectable={editable}
      elementsSelectable={!presenting}
      aria-label="Diagram canvas"
    >
      <ViewportPortal>
        <LinkMarkers />
      </ViewportPortal>
      {!overview && <LinkLabelLayer doc={doc} focus={focus} interactive={!presenting} cull={large && !everything} />}
      {OverviewLayer && (
        <Suspense fallback={null}>
          <OverviewLayer
            doc={doc}
            selected={selectionIds}
            focus={focus}
            interactive={!presenting}
            movable={editable}
            snapToGrid={snapToGrid}
            onHover={setHovered}
          />
        </Suspense>
      )}
      {/* The large document's canvas covers the viewport (the dots go under it, in the pane). */}
      {overview ? <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#d0d0d0" /> : <DotGrid bounds={bounds} />}
      {!presenting && (
        <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
          {/* Our fit keeps clear of the controls and the minimap (React Flow's does not). */}
          <ControlButton className="react-flow__controls-fitview" title="Fit View" aria-label="Fit View" onClick={() => fitTo()}>
            <svg viewBox="0 0 32 30" aria-hidden="true"><path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" /></svg>
          </ControlButton>
        </Controls>
      )}
      {!presenting && minimap && !overview && <MiniMap pannable zoomable nodeColor="#fff" nodeStrokeColor="#000" ariaLabel="Minimap" />}
    </ReactFlow>
  );
}
