/**
 * What is wrong with the draft, said where it is: the domain's checks run on every change
 * (weights adding up to 100 % per section and overall, targets, curves), and a refusal from the
 * server lists its problems by path the same way.
 */
import { Alert, List, Typography } from 'antd';
import type { Scheme, SchemeProblem } from '../../../../../domain/appraisal/index.ts';
import type { ErrorDetail } from '../../../../api/request.ts';
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
  const open = (path: (string | number)[]) =>
    path[0] === 'sections' && typeof path[1] === 'number' && path[2] === 'indicators' && typeof path[3] === 'number'
      ? () => onOpen(path[1] as number, path[3] as number)
      : undefined;
  const item = (key: number, path: (string | number)[], message: string) => {
    const click = open(path);
    return (
      <List.Item key={key} style={{ padding: '2px 0', border: 0 }}>
        <Typography.Text>
          {click ? (
            <Typography.Link onClick={click}>{place(path)}</Typography.Link>
          ) : (
            <Typography.Text strong>{place(path)}</Typography.Text>
          )}
          {' — '}
          {message}
        </Typography.Text>
      </List.Item>
    );
  };

  return (
    <>
      {server.length ? (
        <Alert
          type="error"
          showIcon
          data-testid="scheme-server-problems"
          message={t('appraisal.scheme.serverRefused', { n: server.length })}
          description={
            <List size="small" split={false}>
              {server.map((d, i) => item(i, parseField(d.field), d.message))}
            </List>
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
            <List size="small" split={false}>
              {problems.map((p, i) => item(i, p.path, bi(p, locale)))}
            </List>
          }
        />
      ) : (
        <Alert type="success" showIcon data-testid="scheme-ok" message={t('appraisal.scheme.ok')} />
      )}
    </>
  );
}
