/**
 * The customer-survey sample of a cycle (客户调研, SPEC APR-3): per agent the customers drawn
 * (a reproducible share of those they served, masked for readers without contact rights), the
 * answers so far and the satisfaction they give; the sending list as CSV, answers entered one by
 * one or imported from the filled list — a bad line rejects the file and every problem is listed.
 */
import { useState } from 'react';
import { Alert, App, Button, Empty, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { SurveyOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useCycle } from '../../../api/appraisal.ts';
import { surveyCsvUrl, useImportSurvey, useSurvey } from '../../../api/appraisal-reviews.ts';
import { RequestError } from '../../../api/request.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { accepts, cyclePath } from '../components/cycle.ts';
import { StateTag } from '../components/tags.tsx';
import { useWhen } from '../components/useWhen.ts';
import { AnswerModal, type Answering, type SurveyCustomer } from './AnswerModal.tsx';

type SurveyAgent = SurveyOut['agents'][number];

/** `line 3.csat` (the server's place of a bad CSV cell) as people read it: 第 3 行 · csat. */
function whereText(field: string | undefined, t: ReturnType<typeof useT>['t']): string {
  const m = /^line (\d+)\.(.+)$/.exec(field ?? '');
  return m ? t('appraisal.survey.lineField', { line: m[1], column: m[2] }) : (field ?? '');
}
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

function Customers({
  agent,
  editable,
  onEnter,
}: {
  agent: SurveyAgent;
  editable: boolean;
  onEnter(a: Answering): void;
}) {
  const { t } = useT();
  const when = useWhen();
  return (
    <Table<SurveyCustomer>
      size="small"
      rowKey="ref"
      pagination={false}
      dataSource={agent.customers}
      data-testid="survey-customers"
      columns={[
        {
          title: t('appraisal.survey.ref'),
          dataIndex: 'ref',
          render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
        },
        {
          title: t('appraisal.survey.customer'),
          dataIndex: 'customerId',
          render: (v: string) => <span data-testid="survey-customer">{v}</span>,
        },
        {
          title: t('appraisal.survey.answer'),
          render: (_v, c) =>
            c.answer ? (
              <Space size={4}>
                <Tag color={c.answer.satisfied ? 'green' : 'red'}>
                  {t(c.answer.satisfied ? 'appraisal.survey.yes' : 'appraisal.survey.no')}
                </Tag>
                {c.answer.csat ? <span>{`${c.answer.csat}/5`}</span> : null}
                {c.answer.comment ? <Typography.Text type="secondary">{c.answer.comment}</Typography.Text> : null}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('appraisal.survey.notAnswered')}</Typography.Text>
            ),
        },
        { title: t('appraisal.survey.enteredAt'), render: (_v, c) => when(c.answer?.enteredAt) },
        ...(editable
          ? [
              {
                title: t('common.actions'),
                render: (_v: unknown, c: SurveyCustomer) => (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => onEnter({ personId: agent.personId, personName: agent.personName, customer: c })}
                    data-testid="survey-enter"
                  >
                    {t('appraisal.survey.enter')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export default function SurveyPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { cycleId } = useParams();
  const cycle = useCycle(cycleId);
  const survey = useSurvey(cycleId);
  const importer = useImportSurvey(cycleId ?? '');
  const [answering, setAnswering] = useState<Answering | null>(null);

  const failed = cycle.error ?? survey.error;
  if (failed) return <LoadError error={failed} onRetry={() => void Promise.all([cycle.refetch(), survey.refetch()])} />;
  const c = cycle.data;
  if (!c || !survey.data) return <Skeleton active />;
  const agents = survey.data.agents;
  const editable = accepts(c.state, 'reviews');
  const refused = importer.error instanceof RequestError && importer.error.status === 400 ? importer.error : null;

  return (
    <PageContainer
      title={
        <Space>
          <span>{t('appraisal.survey.title', { cycle: c.name })}</span>
          <StateTag state={c.state} />
        </Space>
      }
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={surveyCsvUrl(c.id)} data-testid="survey-download">
            {t('appraisal.survey.download')}
          </Button>
          {editable ? (
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              beforeUpload={(file) => {
                importer.mutate(file, {
                  onSuccess: (r) =>
                    void message.success(t('appraisal.survey.imported', { answered: r.answered, skipped: r.skipped })),
                });
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={importer.isPending} data-testid="survey-import">
                {t('appraisal.survey.import')}
              </Button>
            </Upload>
          ) : null}
          <Link to={cyclePath(c.id)}>
            <Button type="link">{t('appraisal.backToCycle')}</Button>
          </Link>
        </>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          message={t('appraisal.survey.about', { rate: Math.round(survey.data.rate * 1000) / 10 })}
          description={
            editable
              ? t('appraisal.survey.howTo')
              : t('appraisal.survey.readOnly', { state: t(`appraisal.state.${c.state}`) })
          }
        />
        {refused ? (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => importer.reset()}
            data-testid="survey-import-errors"
            message={t('appraisal.survey.importRefused', { n: refused.details.length || 1 })}
            description={
              refused.details.length ? (
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(d) => `${d.field ?? ''}:${d.message}`}
                  dataSource={refused.details}
                  columns={[
                    {
                      title: t('appraisal.survey.where'),
                      dataIndex: 'field',
                      width: 200,
                      render: (field?: string) => whereText(field, t),
                    },
                    { title: t('appraisal.survey.problem'), dataIndex: 'message' },
                  ]}
                />
              ) : (
                refused.message
              )
            }
          />
        ) : null}
        <Table<SurveyAgent>
          rowKey="personId"
          loading={survey.isFetching}
          dataSource={agents}
          data-testid="survey-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('appraisal.survey.empty')} /> }}
          expandable={{
            expandedRowRender: (a) => <Customers agent={a} editable={editable} onEnter={setAnswering} />,
            rowExpandable: (a) => a.customers.length > 0,
            // the sample of a small scope opens at once; a large one row by row
            defaultExpandAllRows: agents.length <= 10,
          }}
          columns={[
            { title: t('appraisal.agent'), dataIndex: 'personName' },
            { title: t('appraisal.survey.served'), dataIndex: 'served', align: 'right' },
            { title: t('appraisal.survey.sample'), dataIndex: 'sampleSize', align: 'right' },
            { title: t('appraisal.survey.answered'), dataIndex: 'answered', align: 'right' },
            { title: t('appraisal.survey.satisfied'), dataIndex: 'satisfied', align: 'right' },
            { title: t('appraisal.survey.value'), align: 'right', render: (_v, a) => pct(a.value) },
          ]}
        />
      </Space>
      <AnswerModal cycleId={c.id} item={answering} onClose={() => setAnswering(null)} />
    </PageContainer>
  );
}
