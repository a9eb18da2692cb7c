/** Shops (店铺): a store on a platform (淘宝, 天猫, 京东, 拼多多, 抖音, 自营站). */
import { Form, Select, Tag } from 'antd';
import { PLATFORMS } from '../../../../domain/org.ts';
import type { Shop } from '../../../../server/modules/org/org.schema.ts';
import { shops } from '../../../api/org.ts';
import { NameField, OrgEntityPage } from '../../../components/OrgEntityPage.tsx';
import { useT } from '../../../locales/index.tsx';

export default function ShopsPage() {
  const { t, label } = useT();

  return (
    <OrgEntityPage
      api={shops}
      titleKey="menu.org.shops"
      createKey="org.shop.create"
      editKey="org.shop.edit"
      columns={[
        { title: t('org.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
        {
          title: t('org.shop.platform'),
          dataIndex: 'platform',
          render: (p: Shop['platform']) => <Tag color="blue">{label('platform', p)}</Tag>,
          filters: PLATFORMS.map((p) => ({ text: label('platform', p), value: p })),
          onFilter: (value, s) => s.platform === value,
        },
      ]}
      toValues={(s) => ({ name: s.name, platform: s.platform })}
      fields={
        <>
          <NameField schema={shops.input.shape.name} />
          <Form.Item
            name="platform"
            label={t('org.shop.platform')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select options={PLATFORMS.map((p) => ({ value: p, label: label('platform', p) }))} />
          </Form.Item>
        </>
      }
    />
  );
}
