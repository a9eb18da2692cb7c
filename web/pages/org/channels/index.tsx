/** Channels (渠道): online chat, phone, ticket, e-mail, video. */
import { Form, Select, Tag } from 'antd';
import { CHANNEL_KINDS } from '../../../../domain/org.ts';
import type { Channel } from '../../../../server/modules/org/org.schema.ts';
import { channels } from '../../../api/org.ts';
import { NameField, OrgEntityPage } from '../../../components/OrgEntityPage.tsx';
import { useT } from '../../../locales/index.tsx';

export default function ChannelsPage() {
  const { t, label } = useT();

  return (
    <OrgEntityPage
      api={channels}
      titleKey="menu.org.channels"
      createKey="org.channel.create"
      editKey="org.channel.edit"
      columns={[
        { title: t('org.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
        {
          title: t('org.channel.kind'),
          dataIndex: 'kind',
          render: (k: Channel['kind']) => <Tag color="purple">{label('channelKind', k)}</Tag>,
          filters: CHANNEL_KINDS.map((k) => ({ text: label('channelKind', k), value: k })),
          onFilter: (value, s) => s.kind === value,
        },
      ]}
      toValues={(s) => ({ name: s.name, kind: s.kind })}
      fields={
        <>
          <NameField schema={channels.input.shape.name} />
          <Form.Item
            name="kind"
            label={t('org.channel.kind')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select options={CHANNEL_KINDS.map((k) => ({ value: k, label: label('channelKind', k) }))} />
          </Form.Item>
        </>
      }
    />
  );
}
