import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { roleOptions } from '../../components/labels.js';
import { newPasswordRules, requiredRule, usernameRules } from '../../components/rules.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useT } from '../../i18n/index.js';

/** The roles a new person starts with: each a unit and a role (the unit defaults to the home unit). */
export function NewRoleList() {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={t('people.roles')}>
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" wrap={false}>
                <Form.Item
                  name={[field.name, 'unitId']}
                  rules={[requiredRule(t, t('people.roleUnit'), true)]}
                  style={{ flex: 3, marginBottom: 8, minWidth: 0 }}
                >
                  <UnitPicker placeholder={t('people.roleUnit')} style={{ width: '100%', minWidth: 0 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'role']}
                  rules={[requiredRule(t, t('people.role'), true)]}
                  style={{ flex: 2, marginBottom: 8, minWidth: 0 }}
                >
                  <Select options={roleOptions(t)} placeholder={t('people.role')} />
                </Form.Item>
                <Button
                  type="text"
                  aria-label={t('common.remove')}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ unitId: form.getFieldValue('homeUnitId') as string | undefined })}
            >
              {t('people.addRole')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Username and first password for a new account. */
export function NewAccountFields() {
  const t = useT();
  return (
    <>
      <Form.Item name={['account', 'username']} label={t('people.username')} rules={usernameRules(t)}>
        <Input autoComplete="off" autoCapitalize="none" />
      </Form.Item>
      <Form.Item
        name={['account', 'password']}
        label={t('people.initialPassword')}
        rules={newPasswordRules(t, t('people.initialPassword'))}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
