import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import type { Locale } from '../../../common/locale.js';

/**
 * The Ant Design pickers name months and weekdays through dayjs: its locale follows the app's, so
 * a Chinese screen shows 十二月 and 周一, an English one Dec and Mo.
 */
export function setPickerLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}
