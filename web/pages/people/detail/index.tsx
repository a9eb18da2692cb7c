/**
 * A person's profile (人员档案): placement, level, shops served, lead, mentor and the employment
 * history. Those who may write people edit the profile and change the status here. Whether the
 * profile may be seen at all is the server's call: a 403 shows the forbidden page.
 */
import { useState } from 'react';
import { Button, Card, Col, Row, Skeleton } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { usePerson } from '../../../api/people.ts';
import { hasStatus } from '../../../api/request.ts';
import { useAccess } from '../../../access.ts';
import { Forbidden, LoadError, NotFound } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { PersonProfile } from '../../../components/PersonProfile.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { PersonFormDrawer } from '../components/PersonFormDrawer.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { StatusModal } from './StatusModal.tsx';

export default function PersonPage() {
  const { t } = useT();
  const { id } = useParams<{ id: string }>();
  const person = usePerson(id);
  const dir = useDirectory();
  const { canWritePeople } = useAccess();
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);

  if (person.isError) {
    if (hasStatus(person.error, 403)) return <Forbidden description={t('people.forbidden')} />;
    if (hasStatus(person.error, 404)) return <NotFound description={t('people.notFound')} />;
    return <LoadError error={person.error} onRetry={() => void person.refetch()} />;
  }
  if (!person.data) return <Skeleton active />;
  const p = person.data;

  return (
    <PageContainer
      title={p.name}
      extra={
        canWritePeople ? (
          <>
            <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)}>
              {t('people.changeStatus')}
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('people.edit')}
            </Button>
          </>
        ) : null
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('people.profile')}>
            <PersonProfile person={p} dir={dir} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('people.history')}>
            <HistoryTimeline history={p.history} dir={dir} />
          </Card>
        </Col>
      </Row>
      {canWritePeople ? (
        <>
          <PersonFormDrawer open={editing} person={p} onClose={() => setEditing(false)} />
          <StatusModal open={changingStatus} person={p} onClose={() => setChangingStatus(false)} />
        </>
      ) : null}
    </PageContainer>
  );
}
