/**
 * A sample per agent: their conversations in the period, complaint rate, how many were sampled
 * and why (new hire 100 %, complaint rate above the threshold 100 %, 30 % random, the
 * one-per-agent floor), and how the sample is dealt to the reviewers.
 */
import { Flex, Space, Table, Tag, Typography } from 'antd';
import type { SamplePreview, SamplingRulesOut } from '../../../../server/modules/qa/qa.schema.ts';
import { percentText } from '../../../components/qa/text.ts';
import { useT } from '../../../locales/index.tsx';
import { perReviewer, sampledShare, whyLines, type AgentSample } from './explain.ts';

const REASON_COLOR = { new_hire: 'gold', high_complaints: 'red', random: 'blue' } as const;

/** The per-agent table of a preview or a saved sample. */
export function AgentSampleTable({
  agents,
  rules,
  testId,
}: {
  agents: AgentSample[];
  rules: Pick<SamplingRulesOut, 'complaintRateThreshold' | 'minPerAgent'>;
  testId?: string;
}) {
  const { t } = useT();
  return (
    <Table<AgentSample>
      size="small"
      rowKey="agentId"
      data-testid={testId}
      dataSource={agents}
      pagination={agents.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          title: t('qa.agent'),
          dataIndex: 'agentName',
          key: 'name',
          sorter: (a, b) => a.agentName.localeCompare(b.agentName),
        },
        {
          title: t('qa.sample.conversations'),
          dataIndex: 'conversations',
          key: 'n',
          align: 'right',
          sorter: (a, b) => a.conversations - b.conversations,
        },
        {
          title: t('qa.sample.complaintRate'),
          key: 'complaints',
          align: 'right',
          sorter: (a, b) => (a.complaintRate ?? -1) - (b.complaintRate ?? -1),
          render: (_, a) => (
            <Typography.Text
              type={a.complaintRate !== null && a.complaintRate > rules.complaintRateThreshold ? 'danger' : undefined}
            >
              {percentText(a.complaintRate)}
            </Typography.Text>
          ),
        },
        {
          title: t('qa.sample.sampled'),
          key: 'sampled',
          align: 'right',
          sorter: (a, b) => (sampledShare(a) ?? 0) - (sampledShare(b) ?? 0),
          render: (_, a) => `${a.sampled} (${percentText(sampledShare(a))})`,
        },
        {
          title: t('qa.sample.reason'),
          key: 'reason',
          render: (_, a) => (
            <Space size={4} wrap>
              {a.byReason.map((r) => (
                <Tag key={r.reason} color={REASON_COLOR[r.reason]}>
                  {t(`qa.reason.${r.reason}`)} {percentText(r.rate)}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          title: t('qa.sample.why'),
          key: 'why',
          render: (_, a) => (
            <Flex vertical>
              {whyLines(a, rules).map((l, i) => (
                <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
                  {t(l.key, l.vars)}
                </Typography.Text>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

export function PreviewResult({
  preview,
  rules,
  nameOf,
}: {
  preview: SamplePreview;
  rules: SamplingRulesOut;
  nameOf(id: string): string;
}) {
  const { t } = useT();
  const total = preview.agents.reduce((a, x) => a + x.conversations, 0);
  return (
    <Flex vertical gap={12} data-testid="qa-sample-preview">
      <Space wrap>
        <Typography.Text strong>
          {t('qa.draw.summary', {
            agents: preview.agents.length,
            n: total,
            sampled: preview.conversations.length,
          })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('qa.draw.seed', { seed: preview.seed })}</Typography.Text>
      </Space>
      <Space wrap size={[6, 6]}>
        <Typography.Text>{t('qa.draw.perReviewer')}</Typography.Text>
        {perReviewer(preview.conversations).map((r) => (
          <Tag key={r.reviewerId}>
            {nameOf(r.reviewerId)} · {r.n}
          </Tag>
        ))}
      </Space>
      <AgentSampleTable agents={preview.agents} rules={rules} testId="qa-preview-agents" />
    </Flex>
  );
}
