import { App, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Locale } from '../../../common/locale.js';
import type { Person } from '../../../common/schemas/people.js';
import { authApi, peopleApi } from '../../api/endpoints.js';
import { useT } from '../../i18n/index.js';
import { useNotificationText } from './i18n.js';

const UNIT = 'unit';

/**
 * The language a person is written to in: their own choice, or their unit's. A person sets their own;
 * those who manage the person may set it for them (a teacher who reads English better, say).
 */
export function MessageLanguageField({
  person,
  self,
  editable,
  onSaved,
}: {
  person: Person;
  self: boolean;
  editable: boolean;
  onSaved: (person: Person) => void;
}) {
  const nt = useNotificationText();
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const choose = async (value: string) => {
    const language = value === UNIT ? null : (value as Locale);
    setBusy(true);
    try {
      if (self) {
        await authApi.setLanguage(language);
        onSaved({ ...person, language });
      } else {
        onSaved(await peopleApi.update(person.id, { language }));
      }
      message.success(nt('language.saved'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={4} data-testid="message-language" style={{ marginTop: 16 }}>
      <Typography.Text strong>{nt('language.title')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {nt('language.hint')}
      </Typography.Text>
      <Select
        style={{ maxWidth: 240 }}
        value={person.language ?? UNIT}
        disabled={!editable}
        loading={busy}
        onChange={(value) => void choose(value)}
        aria-label={nt('language.title')}
        options={[
          { value: UNIT, label: nt('language.unit') },
          { value: 'zh-CN', label: t('lang.zh-CN') },
          { value: 'en', label: t('lang.en') },
        ]}
      />
    </Flex>
  );
}
