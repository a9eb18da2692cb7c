/**
 * What happened to a result, in time order: computed, then every calibration (with the reason
 * the agent is shown), appeal, answer and acknowledgement, read back from the audit log — not just
 * the latest of each that the result itself keeps.
 */
import type { ReactNode } from 'react';
import { Card, Skeleton, Timeline, Typography } from 'antd';
import type { ResultEvent, ResultOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useResultHistory } from '../../../api/appraisal.ts';
import type { Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { pointsText } from '../components/text.ts';
import { useWhen } from '../components/useWhen.ts';

const COLOR: Readonly<Record<ResultEvent['kind'], string>> = {
  calibrated: 'purple',
  appealed: 'red',
  answered: 'green',
  acknowledged: 'blue',
};

export function HistoryCard({ r, dir }: { r: ResultOut; dir: Directory }) {
  const { t } = useT();
  const when = useWhen();
  const history = useResultHistory(r.cycleId, r.personId);
  const who = (e: ResultEvent) =>
    e.actorName ??
    dir.person(e.actorId)?.name ??
    (e.actorId === r.personId ? r.personName : t('appraisal.history.someone'));

  const body = (e: ResultEvent): ReactNode => {
    switch (e.kind) {
      case 'calibrated':
        return (
          <>
            <div>
              {t('appraisal.history.calibrated', {
                who: who(e),
                total: pointsText(e.total),
                grade: e.grade ?? '—',
                from: `${pointsText(e.fromTotal)}${e.fromGrade ? ` (${e.fromGrade})` : ''}`,
              })}
            </div>
            <Typography.Text type="secondary">
              {t('appraisal.history.reason', { reason: e.text ?? '' })}
            </Typography.Text>
          </>
        );
      case 'appealed':
        return (
          <>
            <div>{t('appraisal.history.appealed', { who: who(e) })}</div>
            <Typography.Text type="secondary">{e.text}</Typography.Text>
          </>
        );
      case 'answered':
        return (
          <>
            <div>{t('appraisal.history.answered', { who: who(e) })}</div>
            <Typography.Text type="secondary">{e.text}</Typography.Text>
          </>
        );
      case 'acknowledged':
        return t('appraisal.history.acknowledged', { who: who(e) });
    }
  };

  // a calibration re-derives every result and so restamps it: its time only reads right before the first event
  const first = history.data?.[0]?.at;
  const items = [
    {
      color: 'gray',
      children: (
        <div data-testid="history-computed">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {!first || r.computedAt <= first ? when(r.computedAt) : null}
          </Typography.Text>
          <div>{t('appraisal.history.computed', { total: pointsText(r.total), grade: r.grade ?? '—' })}</div>
        </div>
      ),
    },
    ...(history.data ?? []).map((e) => ({
      color: COLOR[e.kind],
      children: (
        <div data-testid={`history-${e.kind}`}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {when(e.at)}
          </Typography.Text>
          <div>{body(e)}</div>
        </div>
      ),
    })),
  ];
  const waiting = r.appeal && r.appeal.answer === null;

  return (
    <Card size="small" title={t('appraisal.history.title')} data-testid="result-history">
      {history.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Timeline pending={waiting ? t('appraisal.appeal.waiting') : undefined} items={items} />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('appraisal.history.auditNote')}
      </Typography.Text>
    </Card>
  );
}
