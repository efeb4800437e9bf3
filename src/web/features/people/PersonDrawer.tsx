import { EditOutlined, KeyOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Drawer, Flex, Grid, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../common/schemas/people.js';
import { peopleApi } from '../../api/endpoints.js';
import { applyProblem } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { roleLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import { canManageAccounts, canManageAnything } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { ContactMethodsSection } from '../notifications/ContactMethodsSection.js';
import { MessageLanguageField } from '../notifications/MessageLanguageField.js';
import { AccountModal } from './AccountModal.js';
import { AddRoleForm } from './AddRoleForm.js';
import { PersonRoleTags } from './PersonRoleTags.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';

interface Props {
  person: Person | null;
  onClose: () => void;
  onChanged: (person: Person) => void;
  onEdit: (person: Person) => void;
}

/** One person: contacts, roles (add, remove) and, for administrators, the sign-in account. */
export function PersonDrawer({ person, onClose, onChanged, onEdit }: Props) {
  const t = useT();
  const me = useMe();
  const { locale } = useLocale();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [accountOpen, setAccountOpen] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);
  const manager = canManageAnything(me);
  const admin = canManageAccounts(me);

  const removeRole = (roleId: string) => {
    if (!person) return;
    const role = person.roles.find((r) => r.id === roleId);
    if (!role) return;
    let reason = '';
    modal.confirm({
      title: t('people.removeRoleConfirm', { name: person.name, unit: role.unitName, role: roleLabel(t, role.role) }),
      content: (
        <Input
          maxLength={500}
          placeholder={t('people.roleReason')}
          aria-label={t('people.roleReason')}
          data-testid="remove-role-reason"
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      okText: t('common.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          onChanged(await peopleApi.removeRole(person.id, roleId, reason));
          message.success(t('people.roleRemoved'));
        } catch (err) {
          message.error(applyProblem(null, err));
        }
      },
    });
  };

  const account = person?.account;
  return (
    <Drawer
      open={person !== null}
      onClose={onClose}
      title={person?.name}
      size={screens.sm ? 520 : '100%'}
      extra={
        person &&
        manager && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(person)}>
            {t('common.edit')}
          </Button>
        )
      }
      rootClassName="steady-person-drawer"
    >
      {person && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('people.homeUnit')}>{person.homeUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('people.phone')}>{person.phone ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('people.email')}>{person.email ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('people.account')}>
              {account ? (
                <Flex gap={4} wrap align="center">
                  <Typography.Text code>{account.username}</Typography.Text>
                  {account.mustChangePassword && <Tag color="orange">{t('people.mustChangeTag')}</Tag>}
                  {account.disabled && <Tag>{t('people.disabledTag')}</Tag>}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>
              )}
            </Descriptions.Item>
            {account && (
              <Descriptions.Item label={t('people.lastLogin')}>
                {account.lastLoginAt ? formatDateTime(account.lastLoginAt, locale) : t('people.neverSignedIn')}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Divider titlePlacement="start">{t('people.roles')}</Divider>
          <div data-testid="person-roles" style={{ marginBottom: 12 }}>
            <PersonRoleTags person={person} onRemove={manager ? removeRole : undefined} />
          </div>
          {manager && <AddRoleForm person={person} onAdded={onChanged} />}

          <ContactMethodsSection key={person.id} personId={person.id} editable={manager || me.personId === person.id} />
          <MessageLanguageField
            person={person}
            self={me.personId === person.id}
            editable={manager || me.personId === person.id}
            onSaved={onChanged}
          />

          {admin && (
            <>
              <Divider titlePlacement="start">{t('people.account')}</Divider>
              {account ? (
                <Button icon={<KeyOutlined />} onClick={() => setResetOpen(true)}>
                  {t('people.resetPassword')}
                </Button>
              ) : (
                <Button icon={<UserAddOutlined />} onClick={() => setAccountOpen(true)}>
                  {t('people.createAccount')}
                </Button>
              )}
            </>
          )}
          <AccountModal
            person={accountOpen ? person : null}
            onClose={() => setAccountOpen(false)}
            onCreated={(p) => {
              setAccountOpen(false);
              onChanged(p);
            }}
          />
          <ResetPasswordModal person={resetOpen ? person : null} onClose={() => setResetOpen(false)} />
        </>
      )}
    </Drawer>
  );
}
