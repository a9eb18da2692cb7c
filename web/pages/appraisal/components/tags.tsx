/** How a cycle's state, a grade and a cycle's kind look on every appraisal page. */
import { Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { CycleKind, CycleState, Grade } from '../../../../domain/appraisal/index.ts';
import { useT } from '../../../locales/index.tsx';
import { GRADE_COLOR, STATE_COLOR } from './text.ts';

export function StateTag({ state }: { state: CycleState }) {
  const { t } = useT();
  return (
    <Tag color={STATE_COLOR[state]} icon={state === 'finalised' ? <LockOutlined /> : undefined} data-state={state}>
      {t(`appraisal.state.${state}`)}
    </Tag>
  );
}

export function GradeTag({ grade }: { grade: Grade | null }) {
  const { t } = useT();
  if (!grade) return <span>{t('common.none')}</span>;
  return (
    <Tag color={GRADE_COLOR[grade]} style={{ fontWeight: 600 }}>
      {grade}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: CycleKind }) {
  const { t } = useT();
  return <Tag>{t(`appraisal.kind.${kind}`)}</Tag>;
}
