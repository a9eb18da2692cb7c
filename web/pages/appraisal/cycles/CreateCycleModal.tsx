/**
 * Opens a cycle (draft): name, monthly or quarterly, the period, the departments and groups, the
 * scheme version, and its options (grade bands, bonus, team award, peer raters, survey rate) with
 * the defaults filled in.
 */
import { useEffect, useMemo } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { CYCLE_KINDS, type CycleKind } from '../../../../domain/appraisal/index.ts';
import { CycleCreate } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { schemeOf, useCreateCycle, useSchemes } from '../../../api/appraisal.ts';
import { zodRule } from '../../../components/zodRule.ts';
import type { Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { sortSchemes } from '../components/cycle.ts';
import { bi } from '../components/text.ts';
import { CycleOptionsFields } from './CycleOptionsFields.tsx';
import { defaultOptionValues, toCycleOptions, type OptionValues } from './options.ts';
import { orgToday, useOrgTimeZone } from '../../../components/orgTime.ts';

interface Values {
  name: string;
  kind: CycleKind;
  period: [Dayjs, Dayjs];
  departmentIds?: string[];
  groupIds?: string[];
  scheme: string;
  options: OptionValues;
}

/** The period a kind suggests from the organisation's today: last month, or the last full quarter. */
function defaultPeriod(kind: CycleKind, today: string): [Dayjs, Dayjs] {
  if (kind === 'monthly') {
    const m = dayjs(today).subtract(1, 'month');
    return [m.startOf('month'), m.endOf('month')];
  }
  const q = dayjs(today).subtract(3, 'month');
  const start = q.month(Math.floor(q.month() / 3) * 3).startOf('month');
  return [start, start.add(2, 'month').endOf('month')];
}

export function CreateCycleModal({ open, onClose, dir }: { open: boolean; onClose(): void; dir: Directory }) {
  const { t, locale, localName } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const timeZone = useOrgTimeZone();
  const [form] = Form.useForm<Values>();
  const create = useCreateCycle();
  const schemes = useSchemes(open);
  const departmentIds = Form.useWatch('departmentIds', form);
  const picked = Form.useWatch('scheme', form);
  const stored = (schemes.data ?? []).find((s) => `${s.id}@${s.version}` === (picked ?? 'default@1'));
  const scheme = useMemo(() => (stored ? schemeOf(stored) : undefined), [stored]);

  useEffect(() => {
    if (open)
      form.setFieldsValue({
        name: '',
        kind: 'monthly',
        period: defaultPeriod('monthly', orgToday(timeZone)),
        scheme: 'default@1',
        options: defaultOptionValues(undefined),
      });
  }, [open, form]);
  // the excess award names indicators of the chosen scheme: follow the scheme with the defaults it has
  useEffect(() => {
    if (open && scheme) form.setFieldValue(['options', 'excessIds'], defaultOptionValues(scheme).excessIds);
  }, [open, scheme, form]);

  return (
    <Modal
      open={open}
      width={720}
      title={t('appraisal.cycle.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="cycle-form"
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldsValue({ period: defaultPeriod(changed.kind, orgToday(timeZone)) });
        }}
        onFinish={(v) => {
          const [schemeId, version] = v.scheme.split('@');
          create.mutate(
            {
              name: v.name.trim(),
              kind: v.kind,
              periodFrom: v.period[0].format('YYYY-MM-DD'),
              periodTo: v.period[1].format('YYYY-MM-DD'),
              scope: { departmentIds: v.departmentIds ?? [], groupIds: v.groupIds ?? [] },
              schemeId,
              schemeVersion: Number(version),
              options: toCycleOptions(v.options),
            },
            {
              onSuccess: (cycle) => {
                void message.success(t('common.created'));
                onClose();
                navigate(`/appraisal/cycles/${encodeURIComponent(cycle.id)}`);
              },
            },
          );
        }}
      >
        <Form.Item
          name="name"
          label={t('appraisal.cycle.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            zodRule(CycleCreate.shape.name, t),
          ]}
        >
          <Input placeholder={t('appraisal.cycle.namePlaceholder')} data-testid="cycle-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('appraisal.cycle.kind')} extra={t('appraisal.cycle.kindHelp')}>
          <Radio.Group
            optionType="button"
            options={CYCLE_KINDS.map((k) => ({ value: k, label: t(`appraisal.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('appraisal.cycle.period')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="cycle-period" />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('appraisal.cycle.departments')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={dir.departments.map((d) => ({ value: d.id, label: localName(d) }))}
          />
        </Form.Item>
        <Form.Item
          name="groupIds"
          label={t('appraisal.cycle.groups')}
          dependencies={['departmentIds']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, groups?: string[]) => {
                const deps = getFieldValue('departmentIds') as string[] | undefined;
                if (!groups?.length && !deps?.length) throw new Error(t('appraisal.cycle.scopeRequired'));
              },
            }),
          ]}
        >
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            data-testid="cycle-groups"
            options={dir.groups
              .filter((g) => !departmentIds?.includes(g.departmentId))
              .map((g) => ({ value: g.id, label: localName(g) }))}
          />
        </Form.Item>
        <Form.Item
          name="scheme"
          label={t('appraisal.cycle.scheme')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select
            loading={schemes.isPending}
            options={sortSchemes(schemes.data ?? []).map((s) => ({
              value: `${s.id}@${s.version}`,
              label: `${bi(s.name, locale)} · v${s.version}`,
            }))}
          />
        </Form.Item>
        <CycleOptionsFields scheme={scheme} />
      </Form>
    </Modal>
  );
}
