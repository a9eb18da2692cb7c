/** Full-page answers for "you may not", "no such page" and "could not load". */
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../locales/index.tsx';
import { HOME_PATH } from '../routes.ts';
import { RequestError } from '../api/request.ts';

export function Forbidden({ description }: { description?: string }) {
  const { t } = useT();
  return (
    <Result
      status="403"
      title={t('error.forbidden.title')}
      subTitle={description ?? t('error.forbidden.desc')}
      extra={
        <Link to={HOME_PATH}>
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound({ description }: { description?: string }) {
  const { t } = useT();
  return (
    <Result
      status="404"
      title={t('error.notFound.title')}
      subTitle={description ?? t('error.notFound.desc')}
      extra={
        <Link to={HOME_PATH}>
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A query that failed: 403/404 get their own pages, anything else a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  if (error instanceof RequestError && error.status === 403) return <Forbidden />;
  if (error instanceof RequestError && error.status === 404) return <NotFound />;
  return (
    <Result
      status="error"
      title={t('error.load')}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
