import type { Locale as AntLocale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import type { Locale } from '../../common/locale.js';

/**
 * antd ships its locales as CommonJS; depending on the bundler's interop the default import is the
 * locale itself or a module object around it. Unwrap until the object that has `locale`.
 */
function unwrap(module: unknown): AntLocale {
  let value = module as { locale?: string; default?: unknown };
  for (let i = 0; i < 3 && value && value.locale === undefined && value.default; i++) {
    value = value.default as typeof value;
  }
  return value as AntLocale;
}

export const ANTD_LOCALES: Record<Locale, AntLocale> = { 'zh-CN': unwrap(zhCNModule), en: unwrap(enUSModule) };
