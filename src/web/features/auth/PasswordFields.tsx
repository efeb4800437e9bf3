import { Form, Input } from 'antd';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../common/limits.js';
import { useT } from '../../i18n/index.js';

export interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password and its repetition, checked in the browser before sending. */
export function PasswordFields() {
  const t = useT();
  const label = t('password.new');
  return (
    <>
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('validation.required', { field: t('password.current') }) }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={label}
        rules={[
          { required: true, message: t('validation.required', { field: label }) },
          { min: PASSWORD_MIN, message: t('validation.min', { field: label, min: PASSWORD_MIN }) },
          { max: PASSWORD_MAX, message: t('validation.max', { field: label, max: PASSWORD_MAX }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
