/**
 * The work around a cycle's results, one click away from the cycle: its peer reviewers, its
 * customer survey, its consequence proposals (with how many are still undecided — they hold up
 * finalising) and recording a red line. Each shows for the roles that may use it.
 */
import { Badge, Button, Card, Space, Typography } from 'antd';
import { AuditOutlined, SolutionOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { CycleOut } from '../../../../../server/modules/appraisal/appraisal.schema.ts';
import { useProposals } from '../../../../api/appraisal-reviews.ts';
import { useAccess } from '../../../../access.ts';
import { useT } from '../../../../locales/index.tsx';
import { accepts, peersPath, proposalsPath, surveyPath } from '../../components/cycle.ts';

export function CycleWork({ cycle, onRedLine }: { cycle: CycleOut; onRedLine(): void }) {
  const { t } = useT();
  const acc = useAccess();
  // proposals exist once results do (from reviewing on)
  const withProposals = acc.canReadProposals && (accepts(cycle.state, 'proposals') || cycle.state === 'finalised');
  const proposals = useProposals(cycle.id, withProposals);
  const open = (proposals.data ?? []).filter((p) => p.status === 'open').length;
  const redLine = acc.canCalibrate && cycle.state !== 'finalised';
  if (!acc.canReviewAppraisal && !withProposals && !redLine) return null;

  return (
    <Card size="small" title={t('appraisal.cycle.work')} data-testid="cycle-work">
      <Space wrap>
        {acc.canReviewAppraisal ? (
          <Link to={peersPath(cycle.id)}>
            <Button icon={<TeamOutlined />} data-testid="cycle-peers">
              {t('menu.appraisal.peers')}
            </Button>
          </Link>
        ) : null}
        {acc.canReviewAppraisal ? (
          <Link to={surveyPath(cycle.id)}>
            <Button icon={<SolutionOutlined />} data-testid="cycle-survey">
              {t('menu.appraisal.survey')}
            </Button>
          </Link>
        ) : null}
        {withProposals ? (
          <Badge count={open} size="small">
            <Link to={proposalsPath(cycle.id)}>
              <Button icon={<AuditOutlined />} data-testid="cycle-proposals">
                {t('menu.appraisal.proposals')}
              </Button>
            </Link>
          </Badge>
        ) : null}
        {redLine ? (
          <Button danger icon={<WarningOutlined />} onClick={onRedLine} data-testid="cycle-redline">
            {t('appraisal.redLine.button')}
          </Button>
        ) : null}
      </Space>
      {open && cycle.state !== 'finalised' ? (
        <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }}>
          {t('appraisal.cycle.proposalsOpen', { n: open })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
