import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useMe } from '../auth/session.js';
import { useUnitPeople } from '../../components/useUnitPeople.js';
import { CATEGORY_LIST, casesApi, TEXT_MAX, type CaseCategory, type CaseParty } from './api.js';
import { useCaseText, type CasesKey } from './i18n.js';
import { LinkBox } from './LinkBox.js';
import './cases.css';

interface Values {
  unitId?: string;
  category?: CaseCategory;
  issue: string;
  ownerId?: string;
  parties: CaseParty[];
}

function CategoryGrid({ value, onChange }: { value?: CaseCategory; onChange?: (value: CaseCategory) => void }) {
  const ct = useCaseText();
  return (
    <div className="steady-category-grid" role="radiogroup" data-testid="category-grid">
      {CATEGORY_LIST.map((category) => (
        <button
          key={category}
          type="button"
          role="radio"
          aria-checked={value === category}
          className="steady-category"
          data-category={category}
          onClick={() => onChange?.(category)}
        >
          {ct(`category.${category}`)}
        </button>
      ))}
    </div>
  );
}

/** Opening a case: what the problem is, who is involved (names and a contact only), who owns it. */
export default function NewCasePage() {
  const ct = useCaseText();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<{ id: string; number: string; token: string } | null>(null);
  const unitId = Form.useWatch('unitId', form);
  const { people, loading } = useUnitPeople(unitId);
  const required = (field: CasesKey) => ({
    required: true,
    whitespace: true,
    message: ct('form.required', { field: ct(field) }),
  });
  const choose = (field: CasesKey) => ({ required: true, message: ct('form.choose', { field: ct(field) }) });

  const { busy, submit, failure } = useFormSubmit(
    form,
    async (values: Values) => {
      const opened = await casesApi.open({
        unitId: values.unitId!,
        category: values.category!,
        issue: values.issue.trim(),
        ownerId: values.ownerId!,
        parties: values.parties.map((p) => ({
          name: p.name.trim(),
          contact: (p.contact ?? '').trim(),
          raisedIt: Boolean(p.raisedIt),
        })),
      });
      setCreated({ id: opened.id, number: opened.number, token: opened.publicToken });
    },
    { inline: true },
  );

  return (
    <div className="steady-cases" data-testid="new-case-page">
      <PageTitle title={ct('form.title')} />
      <Typography.Paragraph type="secondary">{ct('form.intro')}</Typography.Paragraph>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={busy || created !== null}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: Partial<Values>) => {
            if ('unitId' in changed) form.setFieldsValue({ ownerId: undefined });
          }}
          initialValues={{
            unitId: me.scopes[0]?.unitId,
            ownerId: me.personId,
            parties: [{ name: '', contact: '', raisedIt: true }],
          }}
          data-testid="case-form"
        >
          <Form.Item name="unitId" label={ct('form.unit')} rules={[choose('form.unit')]}>
            <UnitPicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="category" label={ct('form.category')} rules={[choose('form.category')]}>
            <CategoryGrid />
          </Form.Item>
          <Form.Item name="issue" label={ct('form.issue')} rules={[required('form.issue')]}>
            <Input.TextArea
              rows={4}
              maxLength={TEXT_MAX}
              placeholder={ct('form.issuePlaceholder')}
              style={{ fontSize: 16 }}
              data-testid="issue"
            />
          </Form.Item>
          <Form.Item label={ct('form.parties')} required>
            <Form.List name="parties">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field) => (
                    <div key={field.key} className="steady-party" data-testid="party">
                      <Flex gap={6} align="start">
                        <Form.Item
                          name={[field.name, 'name']}
                          rules={[required('form.partyName')]}
                          style={{ flex: 1, marginBottom: 6 }}
                        >
                          <Input maxLength={50} placeholder={ct('form.partyName')} data-testid="party-name" />
                        </Form.Item>
                        {fields.length > 1 && (
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined />}
                            aria-label={ct('form.removeParty')}
                            onClick={() => remove(field.name)}
                          />
                        )}
                      </Flex>
                      <Flex gap={8} align="center">
                        <Form.Item name={[field.name, 'contact']} style={{ flex: 1, marginBottom: 0 }}>
                          <Input
                            maxLength={50}
                            placeholder={ct('form.partyContactPlaceholder')}
                            aria-label={ct('form.partyContact')}
                            data-testid="party-contact"
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'raisedIt']} valuePropName="checked" style={{ marginBottom: 0 }}>
                          <Checkbox>{ct('form.raisedIt')}</Checkbox>
                        </Form.Item>
                      </Flex>
                    </div>
                  ))}
                  {fields.length < 20 && (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ name: '', contact: '', raisedIt: false })}
                      block
                      data-testid="add-party"
                    >
                      {ct('form.addParty')}
                    </Button>
                  )}
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="ownerId" label={ct('form.owner')} rules={[choose('form.owner')]}>
            <Select
              loading={loading}
              placeholder={ct('form.ownerPlaceholder')}
              showSearch={{ optionFilterProp: 'search' }}
              options={people.map((p) => ({
                value: p.id,
                label: p.hint ? `${p.name} · ${p.hint}` : p.name,
                search: p.name,
              }))}
              data-testid="owner"
            />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="case-submit">
            {ct('form.submit')}
          </Button>
        </Form>
      </Card>
      <Modal
        open={created !== null}
        title={ct('created.title')}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button
            type="primary"
            onClick={() => created && navigate(`/cases/${created.id}`, { replace: true })}
            data-testid="open-created"
          >
            {ct('created.open')}
          </Button>
        }
      >
        {created && (
          <div data-testid="case-created">
            <Typography.Text type="secondary">{ct('created.number')}</Typography.Text>
            <div className="steady-case-number" data-testid="case-number">
              {created.number}
            </div>
            <Typography.Paragraph style={{ marginTop: 12 }}>{ct('created.linkIntro')}</Typography.Paragraph>
            <LinkBox token={created.token} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {ct('created.linkOnce')}
            </Typography.Paragraph>
          </div>
        )}
      </Modal>
    </div>
  );
}
