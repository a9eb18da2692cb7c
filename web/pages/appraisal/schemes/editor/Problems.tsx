/**
 * What is wrong with the draft, said where it is: the domain's checks run on every change
 * (weights adding up to 100 % per section and overall, targets, curves), and a refusal from the
 * server lists its problems by path the same way.
 */
import { Alert } from 'antd';
import type { Scheme, SchemeProblem } from '../../../../../domain/appraisal/index.ts';
import type { ErrorDetail } from '../../../../api/request.ts';
import { ProblemList } from '../../../../components/ProblemList.tsx';
import { useT } from '../../../../locales/index.tsx';
import { bi } from '../../components/text.ts';
import { parseField, placeOf } from './draft.ts';

function usePlaceText(scheme: Scheme) {
  const { t, locale } = useT();
  return (path: (string | number)[]) => {
    const p = placeOf(scheme, path);
    const parts = [
      p.section ? bi(p.section, locale) : null,
      p.indicator ? bi(p.indicator, locale) : null,
      p.field || null,
    ];
    const text = parts.filter(Boolean).join(' › ');
    return text || t('appraisal.scheme.wholeScheme');
  };
}

export function Problems({
  scheme,
  problems,
  server,
  onOpen,
}: {
  scheme: Scheme;
  problems: SchemeProblem[];
  /** the server's 400 details, when a save was refused */
  server: ErrorDetail[];
  /** opens the indicator a problem is about */
  onOpen(si: number, ii: number): void;
}) {
  const { t, locale } = useT();
  const place = usePlaceText(scheme);
  const isIndicator = (path: (string | number)[]) =>
    path[0] === 'sections' && typeof path[1] === 'number' && path[2] === 'indicators' && typeof path[3] === 'number';
  const openIndicator = (path: (string | number)[]) => onOpen(path[1] as number, path[3] as number);

  return (
    <>
      {server.length ? (
        <Alert
          type="error"
          showIcon
          data-testid="scheme-server-problems"
          message={t('appraisal.scheme.serverRefused', { n: server.length })}
          description={
            <ProblemList
              problems={server.map((d) => ({ path: parseField(d.field), message: d.message }))}
              label={place}
              canSelect={isIndicator}
              onSelect={openIndicator}
            />
          }
        />
      ) : null}
      {problems.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="scheme-problems"
          message={t('appraisal.scheme.problems', { n: problems.length })}
          description={
            <ProblemList
              problems={problems.map((p) => ({ path: p.path, message: bi(p, locale) }))}
              label={place}
              canSelect={isIndicator}
              onSelect={openIndicator}
            />
          }
        />
      ) : (
        <Alert type="success" showIcon data-testid="scheme-ok" message={t('appraisal.scheme.ok')} />
      )}
    </>
  );
}
