/** Departments (部门): list with headcount; managers and admins create and rename them. */
import { departments } from '../../../api/org.ts';
import { NameEnField, NameField, OrgEntityPage } from '../../../components/OrgEntityPage.tsx';
import { useT } from '../../../locales/index.tsx';

export default function DepartmentsPage() {
  const { t } = useT();
  const shape = departments.input.shape;

  return (
    <OrgEntityPage
      api={departments}
      titleKey="menu.org.departments"
      createKey="org.department.create"
      editKey="org.department.edit"
      columns={[
        { title: t('org.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
        { title: t('org.nameEn'), dataIndex: 'nameEn', render: (v: string | null) => v ?? t('common.none') },
        {
          title: t('org.headcount'),
          dataIndex: 'headcount',
          align: 'right',
          sorter: (a, b) => a.headcount - b.headcount,
        },
      ]}
      toValues={(d) => ({ name: d.name, nameEn: d.nameEn })}
      toInput={(values) => ({ name: values.name, nameEn: values.nameEn || null })}
      fields={
        <>
          <NameField schema={shape.name} />
          <NameEnField schema={shape.nameEn} />
        </>
      }
    />
  );
}
