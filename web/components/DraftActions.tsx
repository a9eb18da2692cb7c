/**
 * The discard and save buttons of a versioned editor (appraisal schemes, QA scorecards; see
 * useVersionedDraft): discard while the draft differs from the stored version; save a new
 * version, or a new family for a copy, once the draft has no problems.
 */
import { Button } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';

export function DraftActions(props: {
  changed: boolean;
  copy: boolean;
  problems: number;
  saving: boolean;
  onDiscard: () => void;
  onSave: () => void;
  /** false: the discard button only (the reader may not save) */
  canSave: boolean;
  discardLabel: string;
  saveLabel: string;
  saveTestId: string;
}) {
  return (
    <>
      <Button icon={<UndoOutlined />} disabled={!props.changed} onClick={props.onDiscard}>
        {props.discardLabel}
      </Button>
      {props.canSave ? (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={props.problems > 0 || (!props.changed && !props.copy)}
          loading={props.saving}
          onClick={props.onSave}
          data-testid={props.saveTestId}
        >
          {props.saveLabel}
        </Button>
      ) : null}
    </>
  );
}
