/** Channels (渠道): online chat, phone, ticket, e-mail, video. */
import { App, Button, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { CHANNEL_KINDS } from '../../../../domain/org.ts';
import type { Channel } from '../../../../server/modules/org/org.schema.ts';
import { channels } from '../../../api/org.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useEditor } from '../../../components/useEditor.ts';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';

type Values = z.input<typeof channels.input>;

export default function ChannelsPage() {
  const { t, label } = useT();
  const { message } = App.useApp();
  const { canManageOrg } = useAccess();
  const list = channels.useList();
  const save = channels.useSave();
  const editor = useEditor<Values>();

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <PageContainer
      title={t('menu.org.channels')}
      extra={
        canManageOrg ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t('org.channel.create')}
          </Button>
        ) : null
      }
    >
      <Table<Channel>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data}
        pagination={false}
        columns={[
          { title: t('org.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
          {
            title: t('org.channel.kind'),
            dataIndex: 'kind',
            render: (k: Channel['kind']) => <Tag color="purple">{label('channelKind', k)}</Tag>,
            filters: CHANNEL_KINDS.map((k) => ({ text: label('channelKind', k), value: k })),
            onFilter: (value, s) => s.kind === value,
          },
          ...(canManageOrg
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, s: Channel) => (
                    <Button type="link" size="small" onClick={() => editor.edit(s.id, { name: s.name, kind: s.kind })}>
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
        title={t(editor.id ? 'org.channel.edit' : 'org.channel.create')}
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
          rules={[{ required: true, message: t('form.required') }, zodRule(channels.input.shape.name, t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('org.channel.kind')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={CHANNEL_KINDS.map((k) => ({ value: k, label: label('channelKind', k) }))} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
