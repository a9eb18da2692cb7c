/**
 * Sampling (抽检): the rules, a period's draw previewed per agent and then created, and the
 * saved samples with each reviewer's assignments and progress. Drawing and the rules need
 * qa.manage; the server scopes the agents to the caller's.
 */
import { useMemo, useState } from 'react';
import { Flex, Typography } from 'antd';
import { useAccess } from '../../../access.ts';
import { usePeople } from '../../../api/people.ts';
import { useSamplingRules } from '../../../api/qa.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { DrawCard } from './DrawCard.tsx';
import { RulesCard } from './RulesCard.tsx';
import { SamplesCard } from './SamplesCard.tsx';

export default function SamplingPage() {
  const { t } = useT();
  const { canManageQa } = useAccess();
  const rules = useSamplingRules();
  const people = usePeople({});
  const [open, setOpen] = useState<string | null>(null);
  const nameOf = useMemo(() => {
    const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
    return (id: string) => names.get(id) ?? id;
  }, [people.data]);

  if (rules.isError) return <LoadError error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <PageContainer title={t('menu.qa.sampling')}>
      <Typography.Paragraph type="secondary">{t('qa.sampling.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <RulesCard rules={rules.data} canEdit={canManageQa} />
        {canManageQa ? <DrawCard rules={rules.data} onCreated={setOpen} /> : null}
        <SamplesCard open={open} onOpen={setOpen} nameOf={nameOf} />
      </Flex>
    </PageContainer>
  );
}
