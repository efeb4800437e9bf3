import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Select } from 'antd';
import type { Role } from '../../../common/org.js';
import type { Person } from '../../../common/schemas/people.js';
import { peopleApi } from '../../api/endpoints.js';
import { roleOptions } from '../../components/labels.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { requiredRule } from '../../components/rules.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useT } from '../../i18n/index.js';

/** Gives the person one more role: a unit and what they do there (home unit by default). */
export function AddRoleForm({ person, onAdded }: { person: Person; onAdded: (person: Person) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId: string; role: Role; reason?: string }>();

  const { busy, submit } = useFormSubmit(
    form,
    async ({ unitId, role, reason }: { unitId: string; role: Role; reason?: string }) => {
      onAdded(await peopleApi.addRole(person.id, unitId, role, reason));
      message.success(t('people.roleAdded'));
      form.resetFields(['role', 'reason']);
    },
  );

  return (
    <Form
      form={form}
      onFinish={submit}
      initialValues={{ unitId: person.homeUnitId }}
      key={person.id}
      data-testid="add-role-form"
    >
      <Flex gap={8} wrap>
        <Form.Item
          name="unitId"
          rules={[requiredRule(t, t('people.roleUnit'), true)]}
          style={{ flex: '1 1 200px', marginBottom: 8 }}
        >
          <UnitPicker placeholder={t('people.roleUnit')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="role"
          rules={[requiredRule(t, t('people.role'), true)]}
          style={{ flex: '1 1 140px', marginBottom: 8 }}
        >
          <Select options={roleOptions(t)} placeholder={t('people.role')} />
        </Form.Item>
        {/* Why a role changed is kept in the audit trail and told to the person and the unit's head. */}
        <Form.Item name="reason" style={{ flex: '1 1 100%', marginBottom: 8 }}>
          <Input maxLength={500} placeholder={t('people.roleReason')} aria-label={t('people.roleReason')} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
          {t('people.addRole')}
        </Button>
      </Flex>
    </Form>
  );
}
