/** Groups (小组): 售前组, 售后组, 疑难投诉组, 基础咨询组 … within departments, with their leads and headcount. */
import { App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { GROUP_KINDS } from '../../../../domain/org.ts';
import type { Group } from '../../../../server/modules/org/org.schema.ts';
import { groups } from '../../../api/org.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { PersonLink } from '../../../components/PersonProfile.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useEditor } from '../../../components/useEditor.ts';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';

type Values = z.input<typeof groups.input>;

export default function GroupsPage() {
  const { t, label, localName } = useT();
  const { message } = App.useApp();
  const { canManageOrg } = useAccess();
  const list = groups.useList();
  const save = groups.useSave();
  const dir = useDirectory();
  const editor = useEditor<Values>();
  const shape = groups.input.shape;

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  const departmentName = (id: string) => {
    const d = dir.department(id);
    return d ? localName(d) : t('common.none');
  };

  return (
    <PageContainer
      title={t('menu.org.groups')}
      extra={
        canManageOrg ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t('org.group.create')}
          </Button>
        ) : null
      }
    >
      <Table<Group>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data}
        pagination={false}
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
          ...(canManageOrg
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, g: Group) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() =>
                        editor.edit(g.id, {
                          departmentId: g.departmentId,
                          name: g.name,
                          nameEn: g.nameEn,
                          kind: g.kind,
                        })
                      }
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
        title={t(editor.id ? 'org.group.edit' : 'org.group.create')}
        initialValues={editor.values}
        saving={save.isPending}
        onCancel={editor.close}
        onSubmit={(values) =>
          save.mutate(
            { id: editor.id, values: { ...values, nameEn: values.nameEn || null } },
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
          name="departmentId"
          label={t('org.department')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select options={dir.departments.map((d) => ({ value: d.id, label: localName(d) }))} />
        </Form.Item>
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
        <Form.Item name="kind" label={t('org.group.kind')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={GROUP_KINDS.map((k) => ({ value: k, label: label('groupKind', k) }))} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
