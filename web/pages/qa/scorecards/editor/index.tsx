/**
 * Scorecard editor (质检表): a draft of one stored version — categories, items with weights,
 * scales and flags, the maximum score — checked by the domain's validateScorecard on every
 * change, with a live score preview. Saving writes the next version of the family (reviews keep
 * the version they were scored with); `?copy=1` starts a new family from this version. Saving
 * needs qa.manage; a retired scorecard is read-only.
 */
import { useMemo } from 'react';
import { App, Button, Card, Flex, Input, InputNumber, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DraftActions } from '../../../../components/DraftActions.tsx';
import { useNavigate, useParams } from 'react-router-dom';
import { validateScorecard } from '../../../../../domain/qa/scorecard.ts';
import { useAccess } from '../../../../access.ts';
import { bodyOf, standardSum, addCategory, problemsAt } from './draft.ts';
import { scorecardOf, useSaveScorecard, useScorecards } from '../../../../api/qa.ts';
import { RequestError } from '../../../../api/request.ts';
import { LoadError, NotFound } from '../../../../components/Exception.tsx';
import { PageContainer } from '../../../../components/PageContainer.tsx';
import { bi } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';
import { CategoryCard } from './CategoryCard.tsx';
import { Preview } from './Preview.tsx';
import { Problems } from './Problems.tsx';
import { useVersionedDraft } from '../../../../components/useVersionedDraft.ts';

export default function ScorecardEditorPage() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { canManageQa } = useAccess();
  const { id = '', version = '' } = useParams();
  const list = useScorecards();
  const save = useSaveScorecard();
  const { copy, stored, latest, initial, draft, setDraft } = useVersionedDraft(list.data, id, version, scorecardOf);

  const problems = useMemo(() => (draft ? validateScorecard(draft) : []), [draft]);
  const serverProblems = save.error instanceof RequestError && save.error.status === 400 ? save.error.details : [];

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton active />;
  if (!stored || !draft) return <NotFound />;

  const readOnly = !canManageQa || (stored.retired && !copy);
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const sum = standardSum(draft);
  const scaleWrong = problems.some((p) => p.code === 'scale_invalid');
  const onSave = () =>
    save.mutate(copy ? { create: { id: draft.id, ...bodyOf(draft) } } : { id: draft.id, body: bodyOf(draft) }, {
      onSuccess: (saved) => {
        void message.success(t('qa.scorecard.saved', { version: saved.version }));
        navigate(`/qa/scorecards/${encodeURIComponent(saved.id)}/${saved.version}`);
      },
    });
  const setName = (lang: 'zh' | 'en', v: string) => setDraft({ ...draft, name: { ...draft.name, [lang]: v } });
  const bad = (field: string) => (problemsAt(problems, [field]).length ? ('error' as const) : undefined);

  return (
    <PageContainer
      title={
        <Space>
          <span>{copy ? t('qa.scorecard.newFamily') : bi(stored.name, locale)}</span>
          {copy ? null : <Tag>v{stored.version}</Tag>}
          {!copy && stored.version === latest ? <Tag color="blue">{t('qa.scorecard.latest')}</Tag> : null}
          {stored.retired && !copy ? <Tag color="default">{t('qa.scorecard.retired')}</Tag> : null}
        </Space>
      }
      extra={
        readOnly ? null : (
          <DraftActions
            changed={changed}
            copy={copy}
            problems={problems.length}
            saving={save.isPending}
            onDiscard={() => setDraft(initial)}
            onSave={onSave}
            canSave
            discardLabel={t('qa.scorecard.discard')}
            saveLabel={copy ? t('qa.scorecard.create') : t('qa.scorecard.saveVersion', { version: latest + 1 })}
            saveTestId="qa-scorecard-save"
          />
        )
      }
    >
      <Flex vertical gap={16}>
        {!copy && stored.version !== latest ? (
          <Typography.Text type="secondary">{t('qa.scorecard.olderVersion', { latest })}</Typography.Text>
        ) : null}
        <Card size="small">
          <Flex gap={16} wrap align="center">
            {copy ? (
              <Input
                addonBefore="ID"
                style={{ width: 220 }}
                value={draft.id}
                status={bad('id')}
                placeholder="after_sales"
                onChange={(e) => setDraft({ ...draft, id: e.target.value })}
                data-testid="qa-scorecard-id"
              />
            ) : null}
            <Input
              addonBefore={t('qa.scorecard.nameZh')}
              style={{ width: 280 }}
              value={draft.name.zh}
              status={bad('name')}
              disabled={readOnly}
              onChange={(e) => setName('zh', e.target.value)}
            />
            <Input
              addonBefore={t('qa.scorecard.nameEn')}
              style={{ width: 300 }}
              value={draft.name.en}
              status={bad('name')}
              disabled={readOnly}
              onChange={(e) => setName('en', e.target.value)}
            />
            <Space>
              <Typography.Text>{t('qa.scorecard.maxScore')}</Typography.Text>
              <InputNumber
                value={Number.isFinite(draft.maxScore) ? draft.maxScore : null}
                status={bad('maxScore')}
                disabled={readOnly}
                min={0}
                onChange={(v) => setDraft({ ...draft, maxScore: v ?? Number.NaN })}
              />
            </Space>
            <Tag color={Math.abs(sum - 100) < 1e-6 ? 'green' : 'orange'} data-testid="qa-weight-sum">
              {t('qa.scorecard.weightSum', { n: sum })}
            </Tag>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            {t('qa.scorecard.help')}
          </Typography.Paragraph>
        </Card>
        <Problems card={draft} problems={problems} server={serverProblems} />
        <Tabs
          items={[
            {
              key: 'structure',
              label: t('qa.scorecard.tab.structure'),
              children: (
                <Flex vertical gap={12}>
                  {draft.categories.map((_, ci) => (
                    <CategoryCard
                      key={ci}
                      card={draft}
                      ci={ci}
                      problems={problems}
                      readOnly={readOnly}
                      onChange={setDraft}
                    />
                  ))}
                  {readOnly ? null : (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => setDraft(addCategory(draft))}>
                      {t('qa.scorecard.addCategory')}
                    </Button>
                  )}
                </Flex>
              ),
            },
            {
              key: 'preview',
              label: <span data-testid="qa-tab-preview">{t('qa.scorecard.tab.preview')}</span>,
              children: scaleWrong ? (
                <Typography.Text type="secondary">{t('qa.preview.scaleWrong')}</Typography.Text>
              ) : (
                <Preview card={draft} valid={problems.length === 0} />
              ),
            },
          ]}
        />
      </Flex>
    </PageContainer>
  );
}
