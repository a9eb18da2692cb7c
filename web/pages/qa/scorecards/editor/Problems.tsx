/**
 * What is wrong with the draft, said where it is: the domain's validateScorecard runs on every
 * change, and a refusal from the server lists its problems by path the same way.
 */
import { Alert } from 'antd';
import type { Scorecard, ScorecardPath, ScorecardProblem } from '../../../../../domain/qa/scorecard.ts';
import type { ErrorDetail } from '../../../../api/request.ts';
import { ProblemList } from '../../../../components/ProblemList.tsx';
import { bi } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';
import { parseField, placeOf } from './draft.ts';

export function Problems({
  card,
  problems,
  server,
}: {
  card: Scorecard;
  problems: ScorecardProblem[];
  /** the server's 400 details, when a save was refused */
  server: ErrorDetail[];
}) {
  const { t, locale } = useT();
  const place = (path: ScorecardPath) => {
    const p = placeOf(card, path);
    const parts = [bi(p.category, locale), bi(p.item, locale), p.field].filter(Boolean);
    return parts.join(' › ') || t('qa.scorecard.whole');
  };
  return (
    <>
      {server.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="qa-scorecard-server-problems"
          message={t('qa.scorecard.serverRefused', { n: server.length })}
          description={
            <ProblemList
              problems={server.map((d) => ({ path: parseField(d.field), message: d.message }))}
              label={place}
            />
          }
        />
      ) : null}
      {problems.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="qa-scorecard-problems"
          message={t('qa.scorecard.problems', { n: problems.length })}
          description={
            <ProblemList problems={problems.map((p) => ({ path: p.path, message: bi(p, locale) }))} label={place} />
          }
        />
      ) : (
        <Alert type="success" showIcon data-testid="qa-scorecard-ok" message={t('qa.scorecard.ok')} />
      )}
    </>
  );
}
