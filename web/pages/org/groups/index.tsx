/** Groups (小组): 售前组, 售后组, 疑难投诉组, 基础咨询组 … within departments, with their leads and headcount. */
import { Form, Select, Space, Tag } from 'antd';
import { GROUP_KINDS } from '../../../../domain/org.ts';
import type { Group } from '../../../../server/modules/org/org.schema.ts';
import { groups } from '../../../api/org.ts';
import { NameEnField, NameField, OrgEntityPage } from '../../../components/OrgEntityPage.tsx';
import { PersonLink } from '../../../components/PersonProfile.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';

export default function GroupsPage() {
  const { t, label, localName } = useT();
  const dir = useDirectory();
  const shape = groups.input.shape;

  const departmentName = (id: string) => {
    const d = dir.department(id);
    return d ? localName(d) : t('common.none');
  };

  return (
    <OrgEntityPage
      api={groups}
      titleKey="menu.org.groups"
      createKey="org.group.create"
      editKey="org.group.edit"
      columns={[
        { title: t('org.name'), dataIndex: 'name', render: (_v, g) => localName(g) },
        {
          title: t('org.department'),
          dataIndex: 'departmentId',
          render: (id: string) => departmentName(id),
          filters: dir.departments.map((d) => ({ text: localName(d), value: d.id })),
          onFilter: (value, g) => g.departmentId === value,
        },
        {
          title: t('org.group.kind'),
          dataIndex: 'kind',
          render: (k: Group['kind']) => <Tag>{label('groupKind', k)}</Tag>,
          filters: GROUP_KINDS.map((k) => ({ text: label('groupKind', k), value: k })),
          onFilter: (value, g) => g.kind === value,
        },
        {
          title: t('org.group.leads'),
          dataIndex: 'leadIds',
          render: (ids: string[]) =>
            ids.length ? (
              <Space size={8} wrap>
                {ids.map((id) => (
                  <PersonLink key={id} id={id} dir={dir} />
                ))}
              </Space>
            ) : (
              t('common.none')
            ),
        },
        {
          title: t('org.headcount'),
          dataIndex: 'headcount',
          align: 'right',
          sorter: (a, b) => a.headcount - b.headcount,
        },
      ]}
      toValues={(g) => ({ departmentId: g.departmentId, name: g.name, nameEn: g.nameEn, kind: g.kind })}
      toInput={(values) => ({ ...values, nameEn: values.nameEn || null })}
      fields={
        <>
          <Form.Item
            name="departmentId"
            label={t('org.department')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select options={dir.departments.map((d) => ({ value: d.id, label: localName(d) }))} />
          </Form.Item>
          <NameField schema={shape.name} />
          <NameEnField schema={shape.nameEn} />
          <Form.Item name="kind" label={t('org.group.kind')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={GROUP_KINDS.map((k) => ({ value: k, label: label('groupKind', k) }))} />
          </Form.Item>
        </>
      }
    />
  );
}
