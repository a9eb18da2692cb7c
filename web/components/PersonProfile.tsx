/** A person's profile as a description list: placement, level, shops, lead, mentor, status. */
import { Descriptions, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Person } from '../../server/modules/people/people.schema.ts';
import { useT } from '../locales/index.tsx';
import { LevelDisplay, NewHireTag, RoleTag, StatusTag } from './tags.tsx';
import type { Directory } from './useDirectory.ts';

/** A link to someone's profile, "—" for nobody, or a note when they are outside the caller's scope. */
export function PersonLink({ id, dir }: { id: string | null; dir: Directory }) {
  const { t } = useT();
  if (!id) return <>{t('common.none')}</>;
  const p = dir.person(id);
  if (!p) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.notVisible')}</span>;
  return <Link to={`/people/${p.id}`}>{p.name}</Link>;
}

export function PersonProfile({ person, dir, column = 2 }: { person: Person; dir: Directory; column?: number }) {
  const { t, label, localName } = useT();
  const dept = dir.department(person.departmentId);
  const group = dir.group(person.groupId);
  const none = t('common.none');
  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: column, lg: column, xl: column, xxl: column }}
      bordered
      size="small"
      styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
    >
      <Descriptions.Item label={t('people.name')}>
        <Space size={4}>
          {person.name}
          {person.newHire ? <NewHireTag /> : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('people.login')}>{person.login}</Descriptions.Item>
      <Descriptions.Item label={t('people.role')}>
        <RoleTag role={person.role} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.level')}>
        <LevelDisplay level={person.level} star={person.star} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.department')}>{dept ? localName(dept) : none}</Descriptions.Item>
      <Descriptions.Item label={t('people.group')}>{group ? localName(group) : none}</Descriptions.Item>
      <Descriptions.Item label={t('people.lead')}>
        <PersonLink id={person.leadId} dir={dir} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.mentor')}>
        <PersonLink id={person.mentorId} dir={dir} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.hireDate')}>{person.hireDate}</Descriptions.Item>
      <Descriptions.Item label={t('people.status')}>
        <Space size={4}>
          <StatusTag status={person.status} />
          <span>
            {t('people.statusSince')} {person.statusSince}
          </span>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('people.email')}>{person.email ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('people.phone')}>{person.phone ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('people.shops')} span={column}>
        {person.shopIds.length === 0
          ? t('people.noShops')
          : person.shopIds.map((id) => {
              const shop = dir.shop(id);
              return <Tag key={id}>{shop ? `${shop.name} · ${label('platform', shop.platform)}` : id}</Tag>;
            })}
      </Descriptions.Item>
    </Descriptions>
  );
}
