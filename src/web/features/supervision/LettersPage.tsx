import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LETTER_TEMPLATES } from '../../../common/schemas/letters.js';
import { formatDateTime } from '../../components/format.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useResource } from '../../components/useResource.js';
import { useLocale, useT } from '../../i18n/index.js';
import { roleLabel } from '../../components/labels.js';
import type { Role } from '../../../common/org.js';
import { canManageAnything } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { useUnitPeople } from '../../components/useUnitPeople.js';
import { supervisionApi, type LetterItem } from './api.js';
import { useSupervisionText, type SupervisionT } from './i18n.js';

export const letterStatusTag = (l: Pick<LetterItem, 'status' | 'late'>, st: SupervisionT) => (
  <Space size={4}>
    <Tag color={l.status === 'signed' ? 'green' : l.status === 'superseded' ? 'default' : 'blue'}>
      {st(`letters.status.${l.status}`)}
    </Tag>
    {l.late ? <Tag color="red">{st('letters.late')}</Tag> : null}
  </Space>
);

/** Letters issued by or to one's units, and issuing new ones. */
export default function LettersPage() {
  const st = useSupervisionText();
  const me = useMe();
  const { locale } = useLocale();
  const letters = useResource(() => supervisionApi.letters(), []);
  const [issuing, setIssuing] = useState(false);
  return (
    <>
      <PageTitle
        title={st('letters.title')}
        extra={
          canManageAnything(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
              {st('letters.issue')}
            </Button>
          ) : null
        }
      />
      {letters.error ? <LoadError error={letters.error} onRetry={letters.reload} /> : null}
      <List
        loading={letters.loading}
        dataSource={letters.data?.items ?? []}
        locale={{ emptyText: <Empty description={st('letters.none')} /> }}
        renderItem={(l) => (
          <List.Item data-testid="letter-row" extra={letterStatusTag(l, st)}>
            <List.Item.Meta
              title={<Link to={`/letters/${l.id}`}>{l.title}</Link>}
              description={[
                `${l.issuerUnitName} → ${l.unitName}`,
                l.recipientName,
                `${st('letters.due')} ${formatDateTime(l.signDueAt, locale, l.timeZone)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </List.Item>
        )}
      />
      <IssueModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={() => {
          setIssuing(false);
          letters.reload();
        }}
      />
    </>
  );
}

const STAFF_ROLES: Role[] = ['safety_officer', 'duty_leader', 'duty_staff', 'class_teacher', 'gatekeeper', 'staff'];

interface Values {
  template: (typeof LETTER_TEMPLATES)[number];
  issuerUnitId: string;
  periodLabel: string;
  due: { toISOString(): string };
  unitIds?: string[];
  personIds?: string[];
  role?: Role;
}

function IssueModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: () => void }) {
  const st = useSupervisionText();
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const template = Form.useWatch('template', form);
  const issuer = Form.useWatch('issuerUnitId', form);
  const { people } = useUnitPeople(template === 'head-to-staff' ? issuer : undefined);
  const { busy, submit } = useFormSubmit<Values>(form, async (v) => {
    await supervisionApi.issueLetters({
      issuerUnitId: v.issuerUnitId,
      template: v.template,
      periodLabel: v.periodLabel,
      signDueAt: v.due.toISOString(),
      unitIds: v.template === 'bureau-to-head' ? (v.unitIds ?? []) : [],
      recipients:
        v.template === 'head-to-staff'
          ? (v.personIds ?? []).map((personId) => ({ personId, role: v.role ?? 'staff' }))
          : [],
    });
    onIssued();
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={st('letters.issue')}
      okText={st('letters.issue')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ template: 'bureau-to-head', issuerUnitId: me.scopes[0]?.unitId }}
      >
        <Form.Item name="template" label={st('letters.template')}>
          <Select options={LETTER_TEMPLATES.map((t) => ({ value: t, label: st(`letters.template.${t}`) }))} />
        </Form.Item>
        <Form.Item name="issuerUnitId" label={st('letters.issuer')} rules={[{ required: true }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="periodLabel" label={st('letters.period')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="due" label={st('letters.due')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        {template === 'head-to-staff' ? (
          <>
            <Form.Item name="role" label={st('letters.role')} initialValue="class_teacher">
              <Select options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
            </Form.Item>
            <Form.Item name="personIds" label={st('letters.recipients')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={people.map((p) => ({ value: p.id, label: p.hint ? `${p.name}（${p.hint}）` : p.name }))}
              />
            </Form.Item>
          </>
        ) : (
          <Form.List name="unitIds" initialValue={['']}>
            {(fields, { add }) => (
              <Form.Item label={st('letters.units')}>
                {fields.map((f) => (
                  <Form.Item key={f.key} name={f.name} style={{ marginBottom: 8 }}>
                    <UnitPicker />
                  </Form.Item>
                ))}
                <Button size="small" onClick={() => add('')}>
                  +
                </Button>
              </Form.Item>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
