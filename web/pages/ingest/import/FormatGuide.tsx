/** The accepted formats in brief, from the importer's own column lists; the full reference is docs/import-format.md. */
import { Card, Table, Typography } from 'antd';
import { COLUMNS, RECORD_TYPES, type RecordType } from '../../../../server/modules/ingest/ingest.formats.ts';
import { useT } from '../../../locales/index.tsx';

const code = (cols: readonly string[]) =>
  cols.map((c) => (
    <Typography.Text code key={c}>
      {c}
    </Typography.Text>
  ));

export function FormatGuide() {
  const { t, label } = useT();
  return (
    <Card size="small" title={t('dataImport.formats')}>
      <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
        <li>{t('dataImport.formats.files')}</li>
        <li>{t('dataImport.formats.times')}</li>
        <li>{t('dataImport.formats.refs')}</li>
        <li>{t('dataImport.formats.amounts')}</li>
        <li>{t('dataImport.formats.repeat')}</li>
      </ul>
      <Table<{ type: RecordType }>
        size="small"
        rowKey="type"
        pagination={false}
        dataSource={RECORD_TYPES.map((type) => ({ type }))}
        columns={[
          {
            title: t('dataImport.type'),
            dataIndex: 'type',
            width: 140,
            render: (v: RecordType) => label('recordType', v),
          },
          { title: t('dataImport.required'), key: 'required', render: (_v, r) => code(COLUMNS[r.type].required) },
          { title: t('dataImport.optional'), key: 'optional', render: (_v, r) => code(COLUMNS[r.type].optional) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {t('dataImport.formats.docs')} <Typography.Text code>docs/import-format.md</Typography.Text>
      </Typography.Paragraph>
    </Card>
  );
}
