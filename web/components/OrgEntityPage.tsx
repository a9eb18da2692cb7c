/**
 * The page of one kind of organisation unit (departments, groups, shops, channels): a titled
 * list, and for those who may manage the organisation a create button, an edit link per row and
 * the create/edit dialog. Each page supplies only its columns, its form fields and its keys.
 */
import type { ReactNode } from 'react';
import { App, Button, Form, Input, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SaveArgs } from '../api/org.ts';
import { useAccess } from '../access.ts';
import { useT, type MessageKey } from '../locales/index.tsx';
import { LoadError } from './Exception.tsx';
import { FormModal } from './FormModal.tsx';
import { PageContainer } from './PageContainer.tsx';
import { useEditor } from './useEditor.ts';
import { zodRule } from './zodRule.ts';

/** What the page needs of an entity api object from `api/org.ts` (e.g. `departments`). */
export interface OrgEntityApi<Row, Values> {
  useList(): UseQueryResult<Row[]>;
  useSave(): UseMutationResult<unknown, Error, SaveArgs<Values>>;
}

interface Props<Row extends { id: string }, Values extends object> {
  api: OrgEntityApi<Row, Values>;
  /** the page title, e.g. 'menu.org.shops' */
  titleKey: MessageKey;
  /** the create button's text and the dialog title for a new record */
  createKey: MessageKey;
  /** the dialog title when editing a record */
  editKey: MessageKey;
  /** the list's columns; the actions column is added here for those who may manage */
  columns: TableColumnsType<Row>;
  /** the form values that edit `row` (their type comes from `api`, hence NoInfer) */
  toValues(row: Row): NoInfer<Values>;
  /** what is sent to the server for the dialog's values (as they are when omitted) */
  toInput?(values: Values): NoInfer<Values>;
  /** the dialog's Form.Items */
  fields: ReactNode;
}

export function OrgEntityPage<Row extends { id: string }, Values extends object>({
  api,
  titleKey,
  createKey,
  editKey,
  columns,
  toValues,
  toInput = (values) => values,
  fields,
}: Props<Row, Values>) {
  const { t } = useT();
  const { message } = App.useApp();
  const { canManageOrg } = useAccess();
  const list = api.useList();
  const save = api.useSave();
  const editor = useEditor<Values>();

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <PageContainer
      title={t(titleKey)}
      extra={
        canManageOrg ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t(createKey)}
          </Button>
        ) : null
      }
    >
      <Table<Row>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data}
        pagination={false}
        columns={[
          ...columns,
          ...(canManageOrg
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, row: Row) => (
                    <Button type="link" size="small" onClick={() => editor.edit(row.id, toValues(row))}>
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
        title={t(editor.id ? editKey : createKey)}
        initialValues={editor.values}
        saving={save.isPending}
        onCancel={editor.close}
        onSubmit={(values) =>
          save.mutate(
            { id: editor.id, values: toInput(values) },
            {
              onSuccess: () => {
                void message.success(t(editor.id ? 'common.saved' : 'common.created'));
                editor.close();
              },
            },
          )
        }
      >
        {fields}
      </FormModal>
    </PageContainer>
  );
}

/** The required name field every unit has, checked with the server's `schema` for it. */
export function NameField({ schema }: { schema: z.ZodType }) {
  const { t } = useT();
  return (
    <Form.Item
      name="name"
      label={t('org.name')}
      rules={[{ required: true, message: t('form.required') }, zodRule(schema, t)]}
    >
      <Input />
    </Form.Item>
  );
}

/** The optional English name of departments and groups; left empty it means none (null). */
export function NameEnField({ schema }: { schema: z.ZodType }) {
  const { t } = useT();
  return (
    <Form.Item name="nameEn" label={t('org.nameEn')} rules={[zodRule(schema, t, { emptyAs: null })]}>
      <Input />
    </Form.Item>
  );
}
