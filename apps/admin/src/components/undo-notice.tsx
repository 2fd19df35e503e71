import { UndoOutlined } from '@ant-design/icons';
import { Button, Progress } from 'antd';

/** An undoable change's notice: the seconds left to undo it (a circle, as Refine draws it), the message and Undo. */
export function UndoNotice({ message, undoableTimeout, cancelMutation }: { message: string; undoableTimeout?: number; cancelMutation: () => void }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginTop: -7 }}>
      <Progress type="circle" percent={(undoableTimeout ?? 0) * 20} format={(time) => time && time / 20} size={50} status="normal" />
      <span style={{ marginLeft: 8, width: '100%' }}>{message}</span>
      <Button style={{ flexShrink: 0 }} onClick={cancelMutation} disabled={undoableTimeout === 0} icon={<UndoOutlined />} aria-label="Undo" />
    </div>
  );
}
