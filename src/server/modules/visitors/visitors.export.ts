import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Locale } from '../../../common/locale.js';
import type { VisitorRow } from './visitors.repository.js';

const COLUMNS = {
  'zh-CN': ['姓名', '证件类型', '证件号码（脱敏）', '来访事由', '被访人', '车牌号', '来访时间', '离开时间'],
  en: ['Name', 'ID type', 'ID number (masked)', 'Purpose', 'Visiting', 'Vehicle plate', 'Checked in', 'Checked out'],
};
const ID_KINDS = {
  'zh-CN': { id_card: '居民身份证', passport: '护照', other: '其他' },
  en: { id_card: 'ID card', passport: 'Passport', other: 'Other' },
};

/** The visitor log as a sheet, times in the unit's own zone. */
export async function visitorsWorkbook(rows: VisitorRow[], locale: Locale, zone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'Visitors' : '访客登记');
  sheet.columns = COLUMNS[locale].map((header, i) => ({ header, width: [12, 12, 22, 24, 12, 12, 18, 18][i] }));
  sheet.getRow(1).font = { bold: true };
  const time = (iso: string | null) => (iso ? DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd HH:mm') : '');
  for (const v of rows) {
    sheet.addRow([
      v.name,
      ID_KINDS[locale][v.id_kind] ?? v.id_kind,
      v.id_masked,
      v.purpose,
      v.host_name,
      v.vehicle_plate,
      time(v.checked_in_at),
      time(v.checked_out_at),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
