/** Shops (店铺): a store on a platform (淘宝, 天猫, 京东, 拼多多, 抖音, 自营站). */
import { App, Button, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { PLATFORMS } from '../../../../domain/org.ts';
import type { Shop } from '../../../../server/modules/org/org.schema.ts';
import { shops } from '../../../api/org.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useEditor } from '../../../components/useEditor.ts';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';

type Values = z.input<typeof shops.input>;

export default function ShopsPage() {
  const { t, label } = useT();
  const { message } = App.useApp();
  const { canManageOrg } = useAccess();
  const list = shops.useList();
  const save = shops.useSave();
  const editor = useEditor<Values>();

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <PageContainer
      title={t('menu.org.shops')}
      extra={
        canManageOrg ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t('org.shop.create')}
          </Button>
        ) : null
      }
    >
      <Table<Shop>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data}
        pagination={false}
        columns={[
          { title: t('org.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
          {
            title: t('org.shop.platform'),
            dataIndex: 'platform',
            render: (p: Shop['platform']) => <Tag color="blue">{label('platform', p)}</Tag>,
            filters: PLATFORMS.map((p) => ({ text: label('platform', p), value: p })),
            onFilter: (value, s) => s.platform === value,
          },
          ...(canManageOrg
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, s: Shop) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => editor.edit(s.id, { name: s.name, platform: s.platform })}
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
        title={t(editor.id ? 'org.shop.edit' : 'org.shop.create')}
        initialValues={editor.values}
        saving={save.isPending}
        onCancel={editor.close}
        onSubmit={(values) =>
          save.mutate(
            { id: editor.id, values },
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
          rules={[{ required: true, message: t('form.required') }, zodRule(shops.input.shape.name, t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="platform"
          label={t('org.shop.platform')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select options={PLATFORMS.map((p) => ({ value: p, label: label('platform', p) }))} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
