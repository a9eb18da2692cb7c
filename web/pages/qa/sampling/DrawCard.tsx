/**
 * Draw a period's sample (抽检): the period, the scorecard, the reviewers it is dealt to and
 * optionally departments or groups to narrow the agents in scope. Preview shows what the draw
 * would be — per agent, how many of their conversations and why — without saving; Create saves
 * it and fills the reviewers' queues.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Form, Row, Select, Space } from 'antd';
import { EyeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { SamplePreview, SamplingRulesOut } from '../../../../server/modules/qa/qa.schema.ts';
import { usePeople } from '../../../api/people.ts';
import { departments, groups } from '../../../api/org.ts';
import { useCreateSample, usePreviewSample, useScorecards, type SampleRequest } from '../../../api/qa.ts';
import { bi } from '../../../components/qa/text.ts';
import { useT } from '../../../locales/index.tsx';
import { RangeFilter, type DayRange } from '../../kpi/components/RangeFilter.tsx';
import { PreviewResult } from './PreviewResult.tsx';
import { orgDays, useOrgTimeZone } from '../../../components/orgTime.ts';

/** Roles that may review (qa.review): leads and up, never agents or HR. */
const REVIEWER_ROLES = new Set(['lead', 'supervisor', 'manager', 'admin']);

export function DrawCard({ rules, onCreated }: { rules: SamplingRulesOut | undefined; onCreated(id: string): void }) {
  const { t, locale, localName } = useT();
  const { message } = App.useApp();
  const timeZone = useOrgTimeZone();
  // the last 7 days up to yesterday, in the organisation's time zone: a finished week of conversations
  const [range, setRange] = useState<DayRange>(() => orgDays(timeZone, 7, 1));
  const [scorecardId, setScorecardId] = useState('default');
  const [reviewerIds, setReviewerIds] = useState<string[]>([]);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [shown, setShown] = useState<SamplePreview | null>(null);
  const people = usePeople({});
  const depts = departments.useList();
  const grps = groups.useList();
  const cards = useScorecards();
  const preview = usePreviewSample();
  const create = useCreateSample();

  const reviewers = useMemo(
    () => (people.data ?? []).filter((p) => REVIEWER_ROLES.has(p.role) && p.status !== 'left'),
    [people.data],
  );
  const nameOf = useMemo(() => {
    const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
    return (id: string) => names.get(id) ?? id;
  }, [people.data]);
  const families = useMemo(() => {
    const latest = new Map<string, NonNullable<typeof cards.data>[number]>();
    for (const s of cards.data ?? []) if ((latest.get(s.id)?.version ?? 0) < s.version) latest.set(s.id, s);
    return [...latest.values()].filter((s) => !s.retired);
  }, [cards.data]);

  const body: SampleRequest = {
    periodFrom: range.from,
    periodTo: range.to,
    scorecardId,
    reviewerIds,
    scope: { departmentIds, groupIds },
  };
  const ready = reviewerIds.length > 0;
  const onPreview = () => preview.mutate(body, { onSuccess: setShown });
  const onCreate = () =>
    create.mutate(body, {
      onSuccess: (s) => {
        const n = s.reviewers.reduce((a, r) => a + r.assigned, 0);
        void message.success(t('qa.draw.created', { n }));
        setShown(null);
        onCreated(s.id);
      },
    });

  return (
    <Card size="small" title={t('qa.draw.title')}>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('qa.draw.period')}>
              <RangeFilter value={range} onChange={setRange} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('qa.draw.scorecard')}>
              <Select
                value={scorecardId}
                onChange={setScorecardId}
                options={families.map((s) => ({ value: s.id, label: `${bi(s.name, locale)} · v${s.version}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('qa.draw.reviewers')} required tooltip={t('qa.draw.reviewers.help')}>
              <Select
                mode="multiple"
                value={reviewerIds}
                onChange={setReviewerIds}
                optionFilterProp="label"
                placeholder={t('qa.draw.reviewers.placeholder')}
                options={reviewers.map((p) => ({ value: p.id, label: `${p.name}（${p.login}）` }))}
                data-testid="qa-draw-reviewers"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('qa.draw.departments')}>
              <Select
                mode="multiple"
                allowClear
                value={departmentIds}
                onChange={setDepartmentIds}
                placeholder={t('qa.draw.wholeScope')}
                optionFilterProp="label"
                options={(depts.data ?? []).map((d) => ({ value: d.id, label: localName(d) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('qa.draw.groups')}>
              <Select
                mode="multiple"
                allowClear
                value={groupIds}
                onChange={setGroupIds}
                placeholder={t('qa.draw.wholeScope')}
                optionFilterProp="label"
                options={(grps.data ?? []).map((g) => ({ value: g.id, label: localName(g) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'flex-end' }}>
            <Form.Item>
              <Space>
                <Button
                  icon={<EyeOutlined />}
                  disabled={!ready}
                  loading={preview.isPending}
                  onClick={onPreview}
                  data-testid="qa-draw-preview"
                >
                  {t('qa.draw.preview')}
                </Button>
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  disabled={!ready}
                  loading={create.isPending}
                  onClick={onCreate}
                  data-testid="qa-draw-create"
                >
                  {t('qa.draw.create')}
                </Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {shown && rules ? <PreviewResult preview={shown} rules={rules} nameOf={nameOf} /> : null}
    </Card>
  );
}
