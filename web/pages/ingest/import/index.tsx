/**
 * Data import (数据导入): upload a service-data file (messages, conversation attributes,
 * ratings or orders as CSV, JSON Lines or XLSX), follow the job's progress, read its outcome,
 * and see earlier imports. The formats in brief sit on the page; docs/import-format.md has them all.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Form, Row, Select, Space, Switch, Upload } from 'antd';
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { RECORD_TYPES, type RecordType } from '../../../../server/modules/ingest/ingest.formats.ts';
import { useAfterImport, useImportJob, useStartImport } from '../../../api/ingest.ts';
import { hasStatus } from '../../../api/request.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { FormatGuide } from './FormatGuide.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { JobResult, ProblemsTable } from './JobResult.tsx';

const AUTO = 'auto';
const zones = (): string[] =>
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC'];

export default function DataImportPage() {
  const { t, label } = useT();
  const start = useStartImport();
  const afterImport = useAfterImport();
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<RecordType | typeof AUTO>(AUTO);
  const [tz, setTz] = useState<string>();
  const [keepGood, setKeepGood] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const status = job.data?.status;
  const running = start.isPending || status === 'running' || (jobId !== null && job.isPending);
  const timeZones = useMemo(zones, []);

  // a finished job has moved the KPIs and the history
  useEffect(() => {
    if (status && status !== 'running') void afterImport();
  }, [status, jobId, afterImport]);

  const submit = () => {
    if (!file) return;
    setJobId(null);
    start.mutate(
      { file, type: type === AUTO ? undefined : type, tz, keepGood },
      { onSuccess: (r) => setJobId(r.jobId) },
    );
  };

  const refused = start.isError && hasStatus(start.error, 400) ? start.error : null;

  return (
    <PageContainer title={t('menu.data.import')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('dataImport.intro')} />
        <Card size="small">
          <Row gutter={24}>
            <Col xs={24} lg={10}>
              <Upload.Dragger
                accept=".csv,.jsonl,.ndjson,.json,.xlsx"
                multiple={false}
                maxCount={1}
                showUploadList={false}
                disabled={running}
                beforeUpload={(f) => {
                  setFile(f);
                  setJobId(null);
                  start.reset();
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">
                  {file ? t('dataImport.chosen', { file: file.name }) : t('dataImport.choose')}
                </p>
                <p className="ant-upload-hint">CSV · JSONL · XLSX</p>
              </Upload.Dragger>
            </Col>
            <Col xs={24} lg={14}>
              <Form layout="vertical" disabled={running}>
                <Form.Item label={t('dataImport.type')} extra={t('dataImport.type.help')} style={{ marginBottom: 12 }}>
                  <Select<RecordType | typeof AUTO>
                    value={type}
                    onChange={setType}
                    style={{ maxWidth: 280 }}
                    options={[
                      { value: AUTO, label: t('dataImport.type.auto') },
                      ...RECORD_TYPES.map((r) => ({ value: r, label: label('recordType', r) })),
                    ]}
                  />
                </Form.Item>
                <Form.Item label={t('dataImport.tz')} extra={t('dataImport.tz.help')} style={{ marginBottom: 12 }}>
                  <Select
                    allowClear
                    showSearch
                    value={tz}
                    onChange={setTz}
                    style={{ maxWidth: 280 }}
                    placeholder={t('dataImport.tz.none')}
                    options={timeZones.map((z) => ({ value: z, label: z }))}
                  />
                </Form.Item>
                <Form.Item
                  label={t('dataImport.keepGood')}
                  extra={t('dataImport.keepGood.help')}
                  style={{ marginBottom: 12 }}
                >
                  <Switch checked={keepGood} onChange={setKeepGood} data-testid="import-keep-good" />
                </Form.Item>
                <Button
                  type="primary"
                  icon={<CloudUploadOutlined />}
                  disabled={!file}
                  loading={running}
                  onClick={submit}
                  data-testid="import-start"
                >
                  {t('dataImport.start')}
                </Button>
              </Form>
            </Col>
          </Row>
        </Card>
        {refused ? (
          <Card size="small">
            <Alert
              type="error"
              showIcon
              message={refused.message}
              style={{ marginBottom: refused.details.length ? 16 : 0 }}
            />
            {refused.details.length ? (
              <ProblemsTable
                problems={refused.details.map((d) => ({ line: d.row ?? 0, field: d.field ?? '', message: d.message }))}
              />
            ) : null}
          </Card>
        ) : null}
        {job.data ? <JobResult job={job.data} /> : null}
        <ImportHistory />
        <FormatGuide />
      </Space>
    </PageContainer>
  );
}
