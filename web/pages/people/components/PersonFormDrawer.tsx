/**
 * Add a person or edit a profile. Roles offered are those the signed-in person may hand out
 * (domain/access.ts); fields are checked with the server's PersonCreate/PersonUpdate schemas.
 */
import { useEffect, useMemo } from 'react';
import { App, Button, Col, DatePicker, Drawer, Form, Input, Rate, Row, Select, Space, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { assignableRoles } from '../../../../domain/access.ts';
import { LEVELS, type Level, type Role } from '../../../../domain/org.ts';
import type { Me } from '../../../../server/modules/auth/auth.schema.ts';
import { PersonCreate, type Person } from '../../../../server/modules/people/people.schema.ts';
import { useMe } from '../../../api/auth.ts';
import { useCreatePerson, useUpdatePerson } from '../../../api/people.ts';
import { useDirectory } from '../../../components/useDirectory.ts';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';

interface Values {
  login: string;
  password: string;
  name: string;
  role: Role;
  level: Level;
  star?: number;
  departmentId?: string | null;
  groupId?: string | null;
  leadId?: string | null;
  mentorId?: string | null;
  shopIds?: string[];
  hireDate: Dayjs;
  email?: string;
  phone?: string;
}

/** A masked contact value shown unchanged is not the editor's input and is not checked. */
function unlessUnchanged(original: string | null | undefined, rule: FormRule): FormRule {
  return (form) => {
    const inner = typeof rule === 'function' ? rule(form) : rule;
    return {
      ...inner,
      validator: async (r, value: unknown) =>
        original && value === original ? undefined : inner.validator?.(r, value, () => undefined),
    };
  };
}

function rolesFor(me: Me | null | undefined, current?: Role): Role[] {
  if (!me) return [];
  const roles = assignableRoles({
    id: me.id,
    role: me.role,
    departmentId: me.departmentId,
    groupId: me.groupId,
    ledGroupIds: [],
  });
  // an existing person keeps showing their role even if the editor could not hand it out
  return current && !roles.includes(current) ? [current, ...roles] : roles;
}

/** A profile in the shape the API takes, to tell which fields an edit changed. */
function toBody(p: Person) {
  return {
    name: p.name,
    role: p.role,
    level: p.level,
    star: p.star,
    departmentId: p.departmentId,
    groupId: p.groupId,
    leadId: p.leadId,
    mentorId: p.mentorId,
    shopIds: [...p.shopIds],
    hireDate: p.hireDate,
    email: p.email,
    phone: p.phone,
  };
}

function toValues(p: Person): Partial<Values> {
  return {
    name: p.name,
    role: p.role,
    level: p.level,
    star: p.star ?? undefined,
    departmentId: p.departmentId,
    groupId: p.groupId,
    leadId: p.leadId,
    mentorId: p.mentorId,
    shopIds: p.shopIds,
    hireDate: dayjs(p.hireDate),
    email: p.email ?? undefined,
    phone: p.phone ?? undefined,
  };
}

export function PersonFormDrawer({ open, person, onClose }: { open: boolean; person?: Person; onClose(): void }) {
  const { t, label, localName } = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  const dir = useDirectory();
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const saving = create.isPending || update.isPending;
  const departmentId = Form.useWatch('departmentId', form);
  const level = Form.useWatch('level', form);
  const shape = PersonCreate.shape;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (person) form.setFieldsValue(toValues(person));
    else
      form.setFieldsValue({
        role: 'agent',
        level: 'junior',
        hireDate: dayjs(),
        departmentId: me?.departmentId ?? null,
      });
  }, [open, person, form, me]);

  const groupOptions = useMemo(
    () =>
      dir.groups
        .filter((g) => !departmentId || g.departmentId === departmentId)
        .map((g) => ({ value: g.id, label: localName(g) })),
    [dir.groups, departmentId, localName],
  );
  const peopleOptions = (filter: (p: Person) => boolean) =>
    dir.people
      .filter((p) => p.id !== person?.id && p.status !== 'left' && filter(p))
      .map((p) => ({ value: p.id, label: `${p.name} (${p.login})` }));

  const submit = (v: Values) => {
    const fields = {
      name: v.name,
      role: v.role,
      level: v.level,
      star: v.level === 'star' ? (v.star ?? null) : null,
      departmentId: v.departmentId ?? null,
      groupId: v.groupId ?? null,
      leadId: v.leadId ?? null,
      mentorId: v.mentorId ?? null,
      shopIds: v.shopIds ?? [],
      hireDate: v.hireDate.format('YYYY-MM-DD'),
      email: v.email || null,
      phone: v.phone || null,
    } satisfies Partial<z.input<typeof PersonCreate>>;
    const done = (name: string) => {
      void message.success(person ? t('common.saved') : t('people.created', { name }));
      onClose();
    };
    if (person) {
      // send only what changed: contact fields may arrive masked and must not be written back
      const before = { ...fields, ...toBody(person) };
      const changed: Partial<typeof fields> = Object.fromEntries(
        Object.entries(fields).filter(
          ([k, val]) => JSON.stringify(val) !== JSON.stringify(before[k as keyof typeof before]),
        ),
      );
      // the server reads a group change without a department as "no department"; placement travels together
      if ('groupId' in changed || 'departmentId' in changed)
        Object.assign(changed, { groupId: fields.groupId, departmentId: fields.departmentId });
      if (Object.keys(changed).length === 0) return onClose();
      update.mutate(changed, { onSuccess: (p) => done(p.name) });
    } else create.mutate({ ...fields, login: v.login, password: v.password }, { onSuccess: (p) => done(p.name) });
  };

  const required = { required: true, message: t('form.required') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={640}
      title={person ? `${t('people.edit')} · ${person.name}` : t('people.create')}
      destroyOnHidden
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {person ? null : (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="login" label={t('people.login')} rules={[required, zodRule(shape.login, t)]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="password"
                label={t('people.password')}
                extra={t('password.help')}
                rules={[required, zodRule(shape.password, t)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('people.name')} rules={[required, zodRule(shape.name, t)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={t('people.role')} rules={[required]}>
              <Select options={rolesFor(me, person?.role).map((r) => ({ value: r, label: label('role', r) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="level" label={t('people.level')} rules={[required]}>
              <Select options={LEVELS.map((l) => ({ value: l, label: label('level', l) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {level === 'star' ? (
              <Form.Item name="star" label={t('people.star')} rules={[required]}>
                <Rate count={5} />
              </Form.Item>
            ) : null}
          </Col>
          <Col span={12}>
            <Form.Item name="departmentId" label={t('people.department')}>
              <Select
                allowClear
                options={dir.departments.map((d) => ({ value: d.id, label: localName(d) }))}
                onChange={() => form.setFieldValue('groupId', null)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="groupId" label={t('people.group')}>
              <Select allowClear options={groupOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leadId" label={t('people.lead')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={peopleOptions((p) => p.role === 'lead')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mentorId" label={t('people.mentor')}>
              <Select allowClear showSearch optionFilterProp="label" options={peopleOptions(() => true)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="shopIds" label={t('people.shops')}>
              <Select
                mode="multiple"
                allowClear
                optionFilterProp="label"
                options={dir.shops.map((s) => ({ value: s.id, label: `${s.name} · ${label('platform', s.platform)}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hireDate" label={t('people.hireDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12} />
          <Col span={12}>
            <Form.Item
              name="email"
              label={t('people.email')}
              rules={[unlessUnchanged(person?.email, zodRule(shape.email, t, { emptyAs: null }))]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('people.phone')}
              rules={[unlessUnchanged(person?.phone, zodRule(shape.phone, t, { emptyAs: null }))]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
