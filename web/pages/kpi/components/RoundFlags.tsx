/** A round's flags as tags: first round, not counted, slow, unanswered. */
import { Space, Tag } from 'antd';
import type { RoundOut } from '../../../../server/modules/kpi/kpi.schema.ts';
import { useT } from '../../../locales/index.tsx';

export function RoundFlags({ round }: { round: RoundOut }) {
  const { t } = useT();
  return (
    <Space size={[0, 4]} wrap>
      {round.isFirst ? <Tag color="blue">{t('rounds.flag.first')}</Tag> : null}
      {round.countsForResponse ? null : <Tag>{t('rounds.flag.notCounted')}</Tag>}
      {round.slow ? <Tag color="orange">{t('rounds.flag.slow')}</Tag> : null}
      {round.unanswered ? <Tag color="red">{t('rounds.flag.unanswered')}</Tag> : null}
    </Space>
  );
}
