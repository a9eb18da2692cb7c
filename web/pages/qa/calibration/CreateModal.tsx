/**
 * Open a calibration session: a name, the scorecard, the conversations everyone scores (picked
 * from recent reviews, or typed), the reviewers (at least two) and whose scores are the
 * benchmark — one of the reviewers, or each item's median.
 */
import { useMemo } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { CalibrationCreate } from '../../../../server/modules/qa/qa.calibration.schema.ts';
import { usePeople } from '../../../api/people.ts';
import { useCreateCalibration, useReviews, useScorecards } from '../../../api/qa.ts';
import { bi } from '../../../components/qa/text.ts';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';

interface Values {
  name: string;
  scorecardId: string;
  conversationIds: string[];
  reviewerIds: string[];
  benchmarkReviewerId: string;
}

const MEDIAN = '__median__';
const REVIEWER_ROLES = new Set(['lead', 'supervisor', 'manager', 'admin']);

export function CreateModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('reviewerIds', form) ?? [];
  const people = usePeople({}, open);
  const cards = useScorecards();
  const reviews = useReviews({ limit: 200 });
  const create = useCreateCalibration();

  const reviewers = (people.data ?? []).filter((p) => REVIEWER_ROLES.has(p.role) && p.status !== 'left');
  const nameOf = (id: string) => people.data?.find((p) => p.id === id)?.name ?? id;
  const families = useMemo(() => {
    const latest = new Map<string, NonNullable<typeof cards.data>[number]>();
    for (const s of cards.data ?? []) if ((latest.get(s.id)?.version ?? 0) < s.version) latest.set(s.id, s);
    return [...latest.values()].filter((s) => !s.retired);
  }, [cards.data]);
  const conversations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of reviews.data ?? [])
      if (!seen.has(r.conversationId)) seen.set(r.conversationId, `${r.day} · ${r.agentName} · ${r.conversationId}`);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [reviews.data]);

  const onOk = () =>
    form.validateFields().then(
      (v) =>
        create.mutate(
          {
            name: v.name.trim(),
            scorecardId: v.scorecardId,
            conversationIds: v.conversationIds,
            reviewerIds: v.reviewerIds,
            benchmarkReviewerId: v.benchmarkReviewerId === MEDIAN ? null : v.benchmarkReviewerId,
          },
          {
            onSuccess: (s) => {
              void message.success(t('qa.calibration.created'));
              onClose();
              navigate(`/qa/calibration/${encodeURIComponent(s.id)}`);
            },
          },
        ),
      () => undefined,
    );

  return (
    <Modal
      open={open}
      width={640}
      title={t('qa.calibration.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void onOk()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          // a benchmark reviewer taken off the session falls back to the median
          if (
            changed.reviewerIds &&
            all.benchmarkReviewerId !== MEDIAN &&
            !changed.reviewerIds.includes(all.benchmarkReviewerId)
          )
            form.setFieldValue('benchmarkReviewerId', MEDIAN);
        }}
        initialValues={{ scorecardId: 'default', conversationIds: [], reviewerIds: [], benchmarkReviewerId: MEDIAN }}
      >
        <Form.Item
          name="name"
          label={t('qa.calibration.name')}
          rules={[{ required: true, message: t('form.required') }, zodRule(CalibrationCreate.shape.name, t)]}
        >
          <Input placeholder={t('qa.calibration.name.placeholder')} />
        </Form.Item>
        <Form.Item name="scorecardId" label={t('qa.draw.scorecard')}>
          <Select options={families.map((s) => ({ value: s.id, label: `${bi(s.name, locale)} · v${s.version}` }))} />
        </Form.Item>
        <Form.Item
          name="conversationIds"
          label={t('qa.calibration.conversations')}
          extra={t('qa.calibration.conversations.help')}
          rules={[{ type: 'array', min: 1, max: 50, message: t('qa.calibration.conversations.count') }]}
        >
          <Select
            mode="tags"
            options={conversations}
            optionFilterProp="label"
            tokenSeparators={[',', ' ']}
            data-testid="qa-calibration-conversations"
          />
        </Form.Item>
        <Form.Item
          name="reviewerIds"
          label={t('qa.calibration.reviewers')}
          rules={[{ type: 'array', min: 2, message: t('qa.calibration.reviewers.min') }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={reviewers.map((p) => ({ value: p.id, label: `${p.name}（${p.login}）` }))}
            data-testid="qa-calibration-reviewers"
          />
        </Form.Item>
        <Form.Item
          name="benchmarkReviewerId"
          label={t('qa.calibration.benchmark')}
          extra={t('qa.calibration.benchmark.help')}
        >
          <Select
            options={[
              { value: MEDIAN, label: t('qa.calibration.median') },
              ...chosen.map((id) => ({ value: id, label: nameOf(id) })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
