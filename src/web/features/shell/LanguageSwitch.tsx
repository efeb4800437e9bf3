import { Segmented } from 'antd';
import { LOCALES, type Locale } from '../../../common/locale.js';
import { useLocale, useT } from '../../i18n/index.js';

/** 中文 / English; the choice is kept in this browser. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      size={size}
      aria-label={t('lang.label')}
      value={locale}
      options={LOCALES.map((value) => ({ value, label: t(`lang.${value}`) }))}
      onChange={setLocale}
    />
  );
}
