import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useLeaveGuard } from '../../components/useLeaveGuard.js';
import { inspectionsApi, RISKS, type ItemEdit } from './api.js';
import { useInspectionText } from './i18n.js';
import './inspections.css';

interface Values {
  name: string;
  items: ItemEdit[];
}

/** A unit's own checklist: rename it, reword, remove or add items. Codes stay with their items. */
export default function ChecklistEditPage() {
  const tn = useInspectionText();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const checklist = useResource(() => inspectionsApi.checklist(id), [id]);
  useLeaveGuard(dirty);

  useEffect(() => {
    if (checklist.data) form.setFieldsValue({ name: checklist.data.name, items: checklist.data.items });
  }, [checklist.data, form]);

  const back = () => navigate(`/inspections?unit=${checklist.data?.unitId ?? ''}`);
  const {
    busy,
    submit: save,
    failure,
  } = useFormSubmit(
    form,
    async (values: Values) => {
      const saved = await inspectionsApi.updateChecklist(id, {
        name: values.name.trim(),
        items: values.items.map((i) => ({ ...i, text: i.text.trim(), guidance: (i.guidance ?? '').trim() })),
      });
      form.setFieldsValue({ name: saved.name, items: saved.items });
      setDirty(false);
      message.success(tn('edit.saved'));
    },
    { inline: true },
  );

  if (checklist.error) return <LoadError error={checklist.error} onRetry={checklist.reload} />;
  if (!checklist.data) return <Spin />;
  return (
    <div className="steady-insp" data-testid="checklist-editor">
      <PageTitle
        title={tn('edit.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {tn('edit.back')}
          </Button>
        }
      />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onValuesChange={() => setDirty(true)}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="name"
          label={tn('edit.name')}
          rules={[{ required: true, whitespace: true, message: tn('common.required', { field: tn('edit.name') }) }]}
        >
          <Input size="large" maxLength={100} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              <Typography.Title level={5}>{tn('edit.items', { n: fields.length })}</Typography.Title>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  className="steady-insp-edit-item"
                  title={form.getFieldValue(['items', field.name, 'code']) ?? tn('edit.newItem')}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={tn('edit.remove')}
                      onClick={() => remove(index)}
                    />
                  }
                >
                  <Form.Item name={[field.name, 'code']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={tn('edit.itemText')}
                    rules={[{ required: true, whitespace: true, message: tn('edit.required') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'guidance']} label={tn('edit.guidance')}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
                  </Form.Item>
                  <Flex gap={12} wrap>
                    <Form.Item
                      name={[field.name, 'risk']}
                      label={tn('edit.risk')}
                      style={{ minWidth: 120, marginBottom: 0 }}
                    >
                      <Select options={RISKS.map((r) => ({ value: r, label: tn(`risk.${r}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'fixDays']} label={tn('edit.fixDays')} style={{ marginBottom: 0 }}>
                      <InputNumber min={1} max={90} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button
                block
                size="large"
                icon={<PlusOutlined />}
                onClick={() => add({ text: '', guidance: '', risk: 'medium', fixDays: 7 })}
                style={{ marginBottom: 16 }}
              >
                {tn('edit.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
        <div className="steady-insp-sticky">
          <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={!dirty}>
            {tn('edit.save')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
