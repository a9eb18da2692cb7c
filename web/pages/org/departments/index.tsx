/** Departments (部门): list with headcount; managers and admins create and rename them. */
import { App, Button, Form, Input, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { Department } from '../../../../server/modules/org/org.schema.ts';
import { departments } from '../../../api/org.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useEditor } from '../../../components/useEditor.ts';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';

type Values = z.input<typeof departments.input>;

export default function DepartmentsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { canManageOrg } = useAccess();
  const list = departments.useList();
  const save = departments.useSave();
  const editor = useEditor<Values>();
  const shape = departments.input.shape;

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <PageContainer
      title={t('menu.org.departments')}
      extra={
        canManageOrg ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t('org.department.create')}
          </Button>
        ) : null
      }
    >
      <Table<Department>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data}
        pagination={false}
        columns={[
          { title: t('org.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
          { title: t('org.nameEn'), dataIndex: 'nameEn', render: (v: string | null) => v ?? t('common.none') },
          {
            title: t('org.headcount'),
            dataIndex: 'headcount',
            align: 'right',
            sorter: (a, b) => a.headcount - b.headcount,
          },
          ...(canManageOrg
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, d: Department) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => editor.edit(d.id, { name: d.name, nameEn: d.nameEn })}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<Values>
        open={editor.open}
        title={t(editor.id ? 'org.department.edit' : 'org.department.create')}
        initialValues={editor.values}
        saving={save.isPending}
        onCancel={editor.close}
        onSubmit={(values) =>
          save.mutate(
            { id: editor.id, values: { name: values.name, nameEn: values.nameEn || null } },
            {
              onSuccess: () => {
                void message.success(t(editor.id ? 'common.saved' : 'common.created'));
                editor.close();
              },
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, message: t('form.required') }, zodRule(shape.name, t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('org.nameEn')} rules={[zodRule(shape.nameEn, t, { emptyAs: null })]}>
          <Input />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
