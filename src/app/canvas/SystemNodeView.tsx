import { memo, useState } from 'react';
import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { SYSTEM_HEADER_HEIGHT, SYSTEM_MIN_SIZE } from '../../model/geometry';
import * as ops from '../../model/ops';
import { applyEdit, getState, setUi, useAppStore } from '../store/store';
import { systemHandleId } from './handles';
import { InlineName } from './InlineInput';
import type { SystemNode } from './to-flow';

/** A system: a resizable group box with a title band; flows attach to the band. */
export const SystemNodeView = memo(function SystemNodeView({ id, data, selected }: NodeProps<SystemNode>) {
  const { system, dimmed } = data;
  const [renaming, setRenaming] = useState(false);
  // A system just added opens with its name selected for typing.
  const fresh = useAppStore((s) => s.ui.renaming === id);
  return (
    <div className={`cw-system${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`} data-testid={`system-${id}`} title={system.description}>
      <NodeResizer isVisible={selected} minWidth={SYSTEM_MIN_SIZE.width} minHeight={SYSTEM_MIN_SIZE.height} color="#000" />
      <div className="cw-system-header" style={{ height: SYSTEM_HEADER_HEIGHT }} onDoubleClick={() => setRenaming(true)}>
        <Handle type="source" position={Position.Left} id={systemHandleId('L')} style={{ top: SYSTEM_HEADER_HEIGHT / 2 }} />
        <InlineName
          name={system.name}
          label="System name"
          className="cw-system-name"
          editing={renaming || fresh}
          onEnd={(name) => {
            setRenaming(false);
            if (getState().ui.renaming === id) setUi({ renaming: undefined });
            if (name) applyEdit((d) => ops.updateSystem(d, id, { name }));
          }}
        />
        {system.kind && <span className="cw-system-kind">{system.kind}</span>}
        <Handle type="source" position={Position.Right} id={systemHandleId('R')} style={{ top: SYSTEM_HEADER_HEIGHT / 2 }} />
      </div>
    </div>
  );
});
