/** My profile (我的档案): the signed-in person's own record and history, and the password change. */
import { Card, Col, Row, Skeleton } from 'antd';
import { useMe } from '../../../api/auth.ts';
import { usePerson } from '../../../api/people.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { PasswordForm } from '../../../components/PasswordForm.tsx';
import { PersonProfile } from '../../../components/PersonProfile.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { HistoryTimeline } from '../../people/detail/HistoryTimeline.tsx';

export default function MyProfilePage() {
  const { t } = useT();
  const me = useMe().data;
  const person = usePerson(me?.id);
  const dir = useDirectory();
  return (
    <PageContainer title={t('menu.account.profile')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('people.profile')}>
            {person.isError ? (
              <LoadError error={person.error} onRetry={() => void person.refetch()} />
            ) : person.data ? (
              <PersonProfile person={person.data} dir={dir} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('password.title')} style={{ marginBottom: 16 }}>
            <PasswordForm />
          </Card>
          <Card title={t('people.history')}>
            {person.data ? <HistoryTimeline history={person.data.history} dir={dir} /> : <Skeleton active />}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
