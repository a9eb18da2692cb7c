/**
 * Roster import (花名册导入): upload CSV/XLSX, validate with a dry run, then import. The server
 * writes nothing unless the whole file is valid; its row/field problems are listed in a table.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportResult } from '../../../../server/modules/people/people.schema.ts';
import { ROSTER_TEMPLATE_URL, useImportRoster } from '../../../api/people.ts';
import { hasStatus, type ErrorDetail } from '../../../api/request.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT, type MessageKey } from '../../../locales/index.tsx';

/** The roster columns in template order; `required` as the server checks them (server/modules/people/roster.import.ts). */
const COLUMNS = [
  { name: 'login', required: true, example: 'zhangsan' },
  { name: 'name', required: true, example: '张三' },
  { name: 'role', required: true, example: 'agent' },
  { name: 'level', required: true, example: 'star' },
  { name: 'star', required: false, example: '3' },
  { name: 'department', required: false, example: '客服一部' },
  { name: 'group', required: false, example: '售前组' },
  { name: 'lead', required: false, example: 'lead' },
  { name: 'mentor', required: false, example: 'lisi' },
  { name: 'shops', required: false, example: '旗舰店;京东自营店' },
  { name: 'hire_date', required: true, example: '2024-03-01' },
  { name: 'status', required: false, example: 'active' },
  { name: 'status_date', required: false, example: '2024-03-01' },
  { name: 'email', required: false, example: 'zhangsan@example.com' },
  { name: 'phone', required: false, example: '13800000000' },
] as const;
type Column = (typeof COLUMNS)[number];

export default function RosterImportPage() {
  const { t } = useT();
  const run = useImportRoster();
  const [file, setFile] = useState<File | null>(null);
  const [validated, setValidated] = useState<{ file: File; result: ImportResult } | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const problems: ErrorDetail[] = run.isError && hasStatus(run.error, 400) ? run.error.details : [];
  const ready = validated !== null && validated.file === file;
  const step = done ? 3 : ready ? 2 : file ? 1 : 0;

  const submit = (dryRun: boolean) => {
    if (!file) return;
    setDone(null);
    run.mutate(
      { file, dryRun },
      {
        onSuccess: (result) => (result.dryRun ? setValidated({ file, result }) : (setDone(result), setValidated(null))),
        onError: () => setValidated(null),
      },
    );
  };

  const shown = done ?? (ready ? validated.result : null);
  return (
    <PageContainer
      title={t('menu.org.import')}
      extra={
        <Button icon={<DownloadOutlined />} href={ROSTER_TEMPLATE_URL} download>
          {t('import.template')}
        </Button>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('import.intro')} />
        <Card>
          <Steps
            size="small"
            current={step}
            style={{ marginBottom: 24 }}
            items={[
              { title: t('import.step.choose') },
              { title: t('import.step.validate') },
              { title: t('import.step.import') },
            ]}
          />
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setValidated(null);
              setDone(null);
              run.reset();
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? t('import.chosen', { file: file.name }) : t('import.choose')}</p>
            <p className="ant-upload-hint">CSV · XLSX</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 16 }}>
            <Button
              icon={<CheckCircleOutlined />}
              disabled={!file}
              loading={run.isPending && run.variables.dryRun}
              onClick={() => submit(true)}
            >
              {t('import.validate')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!ready}
              loading={run.isPending && !run.variables.dryRun}
              onClick={() => submit(false)}
            >
              {t('import.run')}
            </Button>
          </Space>
        </Card>

        {shown ? (
          <Card>
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              message={t(shown.dryRun ? 'import.dryRunOk' : 'import.done', { file: shown.file, rows: shown.rows })}
            />
            <Row gutter={16}>
              {(
                [
                  ['import.rows', shown.rows],
                  ['import.created', shown.created],
                  ['import.updated', shown.updated],
                  ['import.unchanged', shown.unchanged],
                ] as [MessageKey, number][]
              ).map(([key, value]) => (
                <Col key={key} span={6}>
                  <Statistic title={t(key)} value={value} />
                </Col>
              ))}
            </Row>
          </Card>
        ) : null}

        {run.isError && hasStatus(run.error, 400) ? (
          <Card>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: problems.length ? 16 : 0 }}
              message={problems.length ? t('import.failed', { count: problems.length }) : run.error.message}
            />
            {problems.length ? (
              <Table<ErrorDetail & { key: number }>
                size="small"
                data-testid="import-errors"
                dataSource={problems.map((p, i) => ({ ...p, key: i }))}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('import.row'),
                    dataIndex: 'row',
                    width: 80,
                    render: (v?: number) => v ?? t('common.none'),
                  },
                  {
                    title: t('import.field'),
                    dataIndex: 'field',
                    width: 140,
                    render: (v?: string) => (v ? <Tag>{v}</Tag> : t('common.none')),
                  },
                  { title: t('import.problem'), dataIndex: 'message' },
                ]}
              />
            ) : null}
          </Card>
        ) : null}

        <Card title={t('import.columns')}>
          <Table<Column>
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={COLUMNS}
            columns={[
              {
                title: t('import.column'),
                dataIndex: 'name',
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              {
                title: t('import.required'),
                dataIndex: 'required',
                render: (v: boolean) => (v ? <Tag color="red">{t('import.required')}</Tag> : null),
              },
              {
                title: t('import.meaning'),
                dataIndex: 'name',
                key: 'meaning',
                render: (v: Column['name']) => t(`import.col.${v}`),
              },
              {
                title: t('import.example'),
                dataIndex: 'example',
                render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
              },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
