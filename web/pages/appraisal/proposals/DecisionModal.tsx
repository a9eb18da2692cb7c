/**
 * Confirming or rejecting one consequence proposal: a rejection needs a reason; confirming an
 * improvement plan names the mentor (the suggested one preselected); a level change is written to
 * the person's history by the server.
 */
import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import type { Proposal } from '../../../../domain/appraisal/index.ts';
import type { ProposalOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useDecideProposal } from '../../../api/appraisal-reviews.ts';
import type { Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { bi } from '../components/text.ts';

export type Decision = 'confirm' | 'reject';

interface DecisionForm {
  reason?: string;
  mentorId?: string;
}

export function DecisionModal({
  proposal,
  decision,
  dir,
  onClose,
}: {
  proposal: ProposalOut | null;
  decision: Decision;
  dir: Directory;
  onClose(): void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionForm>();
  const decide = useDecideProposal(proposal?.cycleId ?? '');
  const p = proposal?.proposal as Proposal | undefined;
  const plan = decision === 'confirm' && p?.kind === 'improvement_plan';

  useEffect(() => {
    if (proposal)
      form.setFieldsValue({
        reason: '',
        mentorId: p?.kind === 'improvement_plan' ? (p.mentorId ?? undefined) : undefined,
      });
  }, [proposal, p, form]);

  const mentors = dir.people
    .filter((x) => x.status !== 'left' && x.id !== proposal?.personId)
    .map((x) => ({ value: x.id, label: x.name }));

  return (
    <Modal
      open={proposal !== null}
      title={t(decision === 'confirm' ? 'appraisal.proposals.confirmTitle' : 'appraisal.proposals.rejectTitle', {
        name: proposal?.personName ?? '',
      })}
      okText={t(decision === 'confirm' ? 'appraisal.proposals.confirm' : 'appraisal.proposals.reject')}
      okButtonProps={{ danger: decision === 'reject' }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {proposal ? (
        <Typography.Paragraph>
          <Typography.Text strong>{t(`appraisal.proposals.kind.${proposal.kind as Proposal['kind']}`)}</Typography.Text>
          {' · '}
          {bi(proposal.reason, locale)}
        </Typography.Paragraph>
      ) : null}
      {decision === 'confirm' && (p?.kind === 'star_promotion' || p?.kind === 'red_line_demotion') ? (
        <Alert type="info" showIcon message={t('appraisal.proposals.levelNote')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<DecisionForm>
        form={form}
        layout="vertical"
        data-testid="decision-form"
        onFinish={(v) =>
          proposal &&
          decide.mutate(
            {
              id: proposal.id,
              decision,
              reason: v.reason?.trim() || undefined,
              mentorId: plan ? v.mentorId : undefined,
            },
            {
              onSuccess: () => {
                void message.success(
                  t(decision === 'confirm' ? 'appraisal.proposals.confirmed' : 'appraisal.proposals.rejected'),
                );
                onClose();
              },
            },
          )
        }
      >
        {plan ? (
          <Form.Item
            name="mentorId"
            label={t('appraisal.proposals.mentor')}
            extra={t('appraisal.proposals.mentorHelp')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select showSearch optionFilterProp="label" options={mentors} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t(decision === 'reject' ? 'appraisal.proposals.rejectReason' : 'appraisal.proposals.note')}
          rules={[
            ...(decision === 'reject'
              ? [{ required: true, whitespace: true, message: t('appraisal.proposals.rejectRequired') }]
              : []),
            { max: 2000, message: t('form.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
