/**
 * Scheme editor (考核方案): a draft of one stored version — sections, indicators, targets,
 * weights and curves — checked by the domain's `validateScheme` on every change, with a live
 * preview of each curve. Saving writes the next version of the family (older versions and the
 * cycles that use them never change); `?copy=1` starts a new family from this version. Anyone
 * who may open it can try changes; saving needs appraisal.manage.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Card, Flex, Form, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { DraftActions } from '../../../../components/DraftActions.tsx';
import { useNavigate, useParams } from 'react-router-dom';
import { validateScheme } from '../../../../../domain/appraisal/index.ts';
import { schemeBody, schemeOf, useSaveScheme, useSchemes } from '../../../../api/appraisal.ts';
import { RequestError } from '../../../../api/request.ts';
import { useAccess } from '../../../../access.ts';
import { LoadError, NotFound } from '../../../../components/Exception.tsx';
import { PageContainer } from '../../../../components/PageContainer.tsx';
import { useT } from '../../../../locales/index.tsx';
import { bi } from '../../components/text.ts';
import { addIndicator, problemsAt, removeIndicator, schemeSum, updateIndicator, updateSection } from './draft.ts';
import { IndicatorDrawer } from './IndicatorDrawer.tsx';
import { Problems } from './Problems.tsx';
import { useVersionedDraft } from '../../../../components/useVersionedDraft.ts';
import { SectionCard } from './SectionCard.tsx';

export default function SchemeEditorPage() {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { canManageAppraisal } = useAccess();
  const { schemeId = '', version = '' } = useParams();
  const schemes = useSchemes();
  const save = useSaveScheme();
  const { copy, stored, latest, initial, draft, setDraft } = useVersionedDraft(
    schemes.data,
    schemeId,
    version,
    schemeOf,
  );
  const [open, setOpen] = useState<{ si: number; ii: number } | null>(null);
  useEffect(() => setOpen(null), [initial]);

  const problems = useMemo(() => (draft ? validateScheme(draft) : []), [draft]);
  // the server's refusal was about the draft as it was; an edit clears it
  const { reset } = save;
  useEffect(() => reset(), [draft, reset]);
  // a refusal without details still says why, as one problem about the whole scheme
  const refused = save.error instanceof RequestError && save.error.status === 400 ? save.error : null;
  const serverProblems = refused ? (refused.details.length ? refused.details : [{ message: refused.message }]) : [];

  if (schemes.isError) return <LoadError error={schemes.error} onRetry={() => void schemes.refetch()} />;
  if (schemes.isPending) return <Skeleton active />;
  if (!stored || !draft) return <NotFound />;

  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const sectionsWrong = problems.some((p) => p.code === 'section_weights_sum');
  const selected = open ? draft.sections[open.si]?.indicators[open.ii] : undefined;
  const onSave = () =>
    save.mutate(schemeBody(draft), {
      onSuccess: (saved) => {
        void message.success(t('appraisal.scheme.saved', { version: saved.version }));
        navigate(`/appraisal/schemes/${encodeURIComponent(saved.id)}/${saved.version}`);
      },
    });

  return (
    <PageContainer
      title={
        <Space>
          <span>{copy ? t('appraisal.scheme.newFamily') : bi(stored.name, locale)}</span>
          {copy ? null : <Tag>v{stored.version}</Tag>}
          {!copy && stored.version === latest ? <Tag color="blue">{t('appraisal.scheme.latest')}</Tag> : null}
        </Space>
      }
      extra={
        <DraftActions
          changed={changed}
          copy={copy}
          problems={problems.length}
          saving={save.isPending}
          onDiscard={() => setDraft(initial)}
          onSave={onSave}
          canSave={canManageAppraisal}
          discardLabel={t('appraisal.scheme.discard')}
          saveLabel={copy ? t('appraisal.scheme.saveFamily') : t('appraisal.scheme.saveVersion', { version: latest + 1 })}
          saveTestId="scheme-save"
        />
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {canManageAppraisal ? (
          <Typography.Text type="secondary">{t('appraisal.scheme.versionNote')}</Typography.Text>
        ) : (
          <Alert type="info" showIcon message={t('appraisal.scheme.previewOnly')} />
        )}
        <Card size="small">
          <Form layout="inline">
            <Form.Item label={t('appraisal.scheme.id')} help={copy ? t('appraisal.scheme.idHelp') : undefined}>
              <Input
                disabled={!copy}
                value={draft.id}
                style={{ width: 160 }}
                onChange={(e) => setDraft({ ...draft, id: e.target.value.trim() })}
                data-testid="scheme-id"
              />
            </Form.Item>
            <Form.Item label={t('appraisal.scheme.nameZh')}>
              <Input
                value={draft.name.zh}
                style={{ width: 300 }}
                onChange={(e) => setDraft({ ...draft, name: { ...draft.name, zh: e.target.value } })}
                data-testid="scheme-name-zh"
              />
            </Form.Item>
            <Form.Item label={t('appraisal.scheme.nameEn')}>
              <Input
                value={draft.name.en}
                style={{ width: 300 }}
                onChange={(e) => setDraft({ ...draft, name: { ...draft.name, en: e.target.value } })}
              />
            </Form.Item>
          </Form>
          <Flex gap={16} style={{ marginTop: 12 }}>
            <Typography.Text type={sectionsWrong ? 'danger' : 'secondary'} data-testid="sections-sum">
              {t('appraisal.scheme.sectionsSum', { sum: schemeSum(draft) })}
              {sectionsWrong ? t('appraisal.scheme.mustBe100') : null}
            </Typography.Text>
          </Flex>
        </Card>
        <Problems scheme={draft} problems={problems} server={serverProblems} onOpen={(si, ii) => setOpen({ si, ii })} />
        {draft.sections.map((sec, si) => (
          <SectionCard
            key={si}
            section={sec}
            index={si}
            problems={problems}
            onWeight={(weight) => setDraft(updateSection(draft, si, { weight }))}
            onIndicatorWeight={(ii, weight) =>
              setDraft(updateIndicator(draft, si, ii, { ...sec.indicators[ii], weight }))
            }
            onEdit={(ii) => setOpen({ si, ii })}
            onAdd={() => {
              setDraft(addIndicator(draft, si));
              setOpen({ si, ii: sec.indicators.length });
            }}
            onRemove={(ii) => setDraft(removeIndicator(draft, si, ii))}
          />
        ))}
      </Space>
      <IndicatorDrawer
        indicator={selected ?? null}
        problems={open ? problemsAt(problems, ['sections', open.si, 'indicators', open.ii]) : []}
        onChange={(next) => open && setDraft(updateIndicator(draft, open.si, open.ii, next))}
        onClose={() => setOpen(null)}
      />
    </PageContainer>
  );
}
