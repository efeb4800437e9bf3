import { App, Button, Checkbox, Drawer, Flex, Form, Grid, Input } from 'antd';
import { useEffect } from 'react';
import type { Role } from '../../../common/org.js';
import type { Person } from '../../../common/schemas/people.js';
import { NAME_MAX } from '../../../common/limits.js';
import { peopleApi } from '../../api/endpoints.js';
import { emailRules, phoneRules, requiredRule } from '../../components/rules.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useT } from '../../i18n/index.js';
import { canManageAccounts } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { NewAccountFields, NewRoleList } from './PersonEditorParts.js';

export type PersonEditorTarget = { kind: 'create'; homeUnitId?: string } | { kind: 'edit'; person: Person };

interface PersonValues {
  name: string;
  homeUnitId: string;
  phone?: string;
  email?: string;
  roles?: { unitId: string; role: Role }[];
  withAccount?: boolean;
  account?: { username: string; password: string };
}

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Registers a person (with roles and optionally an account), or edits their name and contacts. */
export function PersonEditor({
  target,
  onClose,
  onSaved,
}: {
  target: PersonEditorTarget | null;
  onClose: () => void;
  onSaved: (p: Person) => void;
}) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<PersonValues>();
  const withAccount = Form.useWatch('withAccount', form);
  const creating = target?.kind === 'create';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.kind === 'create') form.setFieldsValue({ homeUnitId: target.homeUnitId, roles: [] });
    else
      form.setFieldsValue({
        name: target.person.name,
        phone: target.person.phone ?? '',
        email: target.person.email ?? '',
      });
  }, [target, form]);

  const { busy, submit } = useFormSubmit(form, async (values: PersonValues) => {
    if (!target) return;
    let saved: Person;
    if (target.kind === 'create') {
      saved = await peopleApi.create({
        homeUnitId: values.homeUnitId,
        name: values.name.trim(),
        phone: blankToUndefined(values.phone),
        email: blankToUndefined(values.email),
        roles: values.roles ?? [],
        account:
          values.withAccount && values.account
            ? { ...values.account, username: values.account.username.trim().toLowerCase() }
            : undefined,
      });
      message.success(t('people.created', { name: saved.name }));
    } else {
      saved = await peopleApi.update(target.person.id, {
        name: values.name.trim(),
        phone: blankToUndefined(values.phone) ?? null,
        email: blankToUndefined(values.email) ?? null,
      });
      message.success(t('common.saved'));
    }
    onSaved(saved);
  });

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={
        !target
          ? ''
          : target.kind === 'create'
            ? t('people.createTitle')
            : t('people.editTitle', { name: target.person.name })
      }
      size={screens.sm ? 560 : '100%'}
      forceRender
      rootClassName="steady-person-editor"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="name" label={t('people.name')} rules={[requiredRule(t, t('people.name'))]}>
          <Input maxLength={NAME_MAX} />
        </Form.Item>
        {creating && (
          <Form.Item
            name="homeUnitId"
            label={t('people.homeUnit')}
            rules={[requiredRule(t, t('people.homeUnit'), true)]}
          >
            <UnitPicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('people.phone')} rules={phoneRules(t)}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('people.email')} rules={emailRules(t)}>
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
        {creating && <NewRoleList />}
        {creating && canManageAccounts(me) && (
          <>
            <Form.Item name="withAccount" valuePropName="checked">
              <Checkbox>{t('people.withAccount')}</Checkbox>
            </Form.Item>
            {withAccount && <NewAccountFields />}
          </>
        )}
      </Form>
    </Drawer>
  );
}
