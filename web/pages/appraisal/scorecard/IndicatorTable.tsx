/**
 * Every indicator of a result: value, target, score, weight and points, and the plain-language
 * "why" — what is measured, the target that applied, the value, the curve step used — with a
 * link to the records behind a metric (the rounds drill-down or the KPI pages).
 */
import { Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, LinkOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { IndicatorResult, Scheme } from '../../../../domain/appraisal/index.ts';
import type { CycleOut, ValueOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useAccess } from '../../../access.ts';
import { useT } from '../../../locales/index.tsx';
import { DRILL_FILTER } from '../../kpi/components/format.ts';
import { roundsLink } from '../../kpi/rounds/link.ts';
import { bi, pointsText, valueText } from '../components/text.ts';
import { useWhen } from '../components/useWhen.ts';
import { ExtraValues } from './ExtraValues.tsx';

const pct = (x: number) => `${Math.round(x * 100) / 100}%`;

/** Where the records behind a metric indicator are, for this reader; null for review items. */
function useRecordsLink(scheme: Scheme | undefined, cycle: CycleOut, personId: string, groupId: string | null) {
  const acc = useAccess();
  return (id: string): string | null => {
    const ind = scheme?.sections.flatMap((s) => s.indicators).find((i) => i.id === id);
    if (!ind || ind.kind !== 'metric') return null;
    const range = { from: cycle.periodFrom, to: cycle.periodTo };
    const filter = DRILL_FILTER[ind.metric];
    if (filter && acc.canReadKpi) return roundsLink({ ...range, agentId: personId, filter });
    if (acc.canExploreKpi) {
      const q = new URLSearchParams({ ...range, by: 'agent', ...(groupId ? { groupId } : {}) });
      return `/kpi?${q.toString()}`;
    }
    return acc.canReadKpi ? '/kpi/mine' : null;
  };
}

/** Who typed in a hand-entered value, when, and their comment. */
function Entered({ ind, entry }: { ind: IndicatorResult; entry: ValueOut }) {
  const { t, locale } = useT();
  const when = useWhen();
  return (
    <span data-testid={`entered-${ind.id}`}>
      {t('appraisal.why.entered', {
        value: valueText(ind.unit, entry.value, locale),
        who: entry.enteredByName ?? t('appraisal.history.someone'),
        at: when(entry.enteredAt),
      })}
      {entry.comment ? (
        <Typography.Text type="secondary">{` ${t('appraisal.why.enteredComment', { comment: entry.comment })}`}</Typography.Text>
      ) : null}
    </span>
  );
}

function Why({ ind, link, entry }: { ind: IndicatorResult; link: string | null; entry: ValueOut | undefined }) {
  const { t, locale } = useT();
  const d = ind.detail;
  return (
    <Descriptions size="small" column={1} data-testid={`why-${ind.id}`} style={{ maxWidth: 900 }}>
      <Descriptions.Item label={t('appraisal.why.definition')}>
        {d ? bi(d.definition, locale) : bi(ind.why, locale)}
      </Descriptions.Item>
      {d ? (
        <>
          <Descriptions.Item label={t('appraisal.why.target')}>{bi(d.target.text, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.why.value')}>{bi(d.value.text, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.why.curve')}>{bi(d.curve.text, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('appraisal.why.summary')}>{bi(d.summary, locale)}</Descriptions.Item>
        </>
      ) : null}
      {entry ? (
        <Descriptions.Item label={t('appraisal.why.enteredBy')}>
          <Entered ind={ind} entry={entry} />
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('appraisal.why.records')}>
        {link ? (
          <Link to={link} data-testid={`records-${ind.id}`}>
            <LinkOutlined /> {t('appraisal.why.openRecords')}
          </Link>
        ) : (
          t('appraisal.why.handEntered')
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function IndicatorTable({
  indicators,
  scheme,
  cycle,
  personId,
  groupId,
  values = [],
}: {
  indicators: IndicatorResult[];
  scheme: Scheme | undefined;
  cycle: CycleOut;
  personId: string;
  groupId: string | null;
  /** the hand-entered values behind review items (who entered what, when) */
  values?: ValueOut[];
}) {
  const { t, locale } = useT();
  const linkOf = useRecordsLink(scheme, cycle, personId, groupId);
  const entryOf = (id: string) => values.find((v) => v.itemId === id);
  const extra = values.filter((v) => !indicators.some((i) => i.id === v.itemId));
  const value = (ind: IndicatorResult) =>
    typeof ind.value === 'number' ? valueText(ind.unit, ind.value, locale) : t(`appraisal.status.${ind.status}`);

  return (
    <Table<IndicatorResult>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={indicators}
      data-testid="indicator-table"
      expandable={{
        expandedRowRender: (ind) => <Why ind={ind} link={linkOf(ind.id)} entry={entryOf(ind.id)} />,
        expandRowByClick: true,
      }}
      footer={extra.length ? () => <ExtraValues values={extra} /> : undefined}
      columns={[
        {
          title: t('appraisal.indicator'),
          render: (_v, ind) => (
            <Space size={4}>
              <span>{bi(ind.label, locale)}</span>
              <Tag bordered={false}>{t(`appraisal.section.${ind.section}`)}</Tag>
            </Space>
          ),
        },
        { title: t('appraisal.value'), align: 'right', render: (_v, ind) => value(ind) },
        {
          title: t('appraisal.scheme.target'),
          align: 'right',
          render: (_v, ind) => `${ind.direction === 'lower' ? '≤' : '≥'} ${valueText(ind.unit, ind.target, locale)}`,
        },
        {
          title: t('appraisal.score'),
          align: 'right',
          render: (_v, ind) => (
            <Space size={4}>
              {ind.met === true ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : null}
              {ind.met === false ? <CloseCircleFilled style={{ color: '#ff4d4f' }} /> : null}
              <span>{pointsText(ind.score)}</span>
            </Space>
          ),
        },
        {
          title: t('appraisal.weight'),
          align: 'right',
          render: (_v, ind) =>
            ind.status === 'excluded' ? (
              t('common.none')
            ) : Math.abs(ind.weight - ind.declaredWeight) < 1e-9 ? (
              pct(ind.weight)
            ) : (
              <Tooltip
                title={t(ind.status === 'scored' ? 'appraisal.why.reweighted' : 'appraisal.why.leftOut', {
                  declared: pct(ind.declaredWeight),
                })}
              >
                <Typography.Text underline>{pct(ind.weight)}</Typography.Text>
              </Tooltip>
            ),
        },
        { title: t('appraisal.points'), align: 'right', render: (_v, ind) => pointsText(ind.points) },
        {
          title: t('appraisal.why'),
          width: '38%',
          render: (_v, ind) => (
            <Typography.Text type={ind.status === 'scored' ? undefined : 'secondary'}>
              {ind.detail ? bi(ind.detail.curve.text, locale) : bi(ind.why, locale)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
