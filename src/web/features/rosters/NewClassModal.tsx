import { App, Form, Input, Modal, Select } from 'antd';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useUnitPeople } from '../../components/useUnitPeople.js';
import { rostersApi } from './api.js';
import { useRosterText } from './i18n.js';

/** A keeper adds a class, with its teacher when known. */
export function NewClassModal({
  unitId,
  onClose,
  onSaved,
}: {
  unitId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const rt = useRosterText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; teacherPersonId?: string }>();
  const { people, loading } = useUnitPeople(unitId);
  const { busy, submit } = useFormSubmit(form, async (values: { name: string; teacherPersonId?: string }) => {
    await rostersApi.createClass({ unitId, name: values.name, teacherPersonId: values.teacherPersonId ?? null });
    message.success(rt('class.created'));
    onSaved();
  });
  return (
    <Modal
      open
      title={rt('class.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="class-form">
        <Form.Item name="name" label={rt('class.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input placeholder={rt('class.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="teacherPersonId" label={rt('class.teacher')} extra={rt('class.teacherHint')}>
          <Select
            allowClear
            showSearch
            loading={loading}
            optionFilterProp="label"
            options={people.map((p) => ({ value: p.id, label: p.hint ? `${p.name}（${p.hint}）` : p.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
