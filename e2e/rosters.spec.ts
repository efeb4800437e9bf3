import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { apiGet, apiSend, pressInDialog, toast } from './helpers/app.js';
import { DESKTOP, PHONE, shot } from './helpers/browser.js';
import { useDemoBrowser } from './helpers/demo.js';

interface Me {
  personId: string;
  scopes: { unitId: string; unitName: string; roles: string[] }[];
}
interface ClassView {
  id: string;
  name: string;
  pupils: number;
}

const files = mkdtempSync(join(tmpdir(), 'steady-e2e-rosters-'));
const demo = useDemoBrowser();
after(() => rmSync(files, { recursive: true, force: true }));

const HEADINGS = ['班级/Class', '姓名/Name', '接送人1/Adult 1', '关系1/Relation 1', '手机1/Mobile 1'];

async function rosterFile(name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(HEADINGS);
  for (const row of rows) sheet.addRow(row);
  const path = join(files, name);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

describe('class rosters', () => {
  it('the safety officer (desktop, English) imports: a bad file names its rows, a good one lands', async () => {
    const page = await demo.open('s1.safety', { viewport: DESKTOP, en: true });
    await page.goto('/rosters');
    await page.getByTestId('rosters-page').waitFor();
    await page.getByText('No classes yet').waitFor();

    const bad = await rosterFile('bad.xlsx', [
      ['一年级1班', '张小红', '张伟', '父亲', '13800001234'],
      ['一年级1班', '', '李娜', '母亲', '13800005678'],
      ['一年级2班', '刘洋', '刘强', '父亲', 'not a phone'],
    ]);
    await page.getByTestId('roster-file').setInputFiles(bad);
    await page.getByTestId('roster-import').click();
    const problems = page.getByTestId('import-problems');
    await problems.getByText('pupil’s name (row 3, column B) is empty').waitFor();
    await problems.getByText('adult 1’s mobile (row 4, column E): “not a phone” is not a mobile number').waitFor();
    await shot(page, 'rosters-import-problems-desktop-en');

    const good = await rosterFile('good.xlsx', [
      ['一年级1班', '张小红', '张伟', '父亲', '13800001234'],
      ['一年级1班', '王小明', '李娜', '母亲', '13800005678'],
      ['一年级2班', '刘洋', '刘强', '父亲', '13800009012'],
    ]);
    await page.getByTestId('roster-file').setInputFiles(good);
    await page.getByTestId('roster-import').click();
    await page.getByText('Imported: 2 classes added, 3 pupils added, 0 updated').waitFor();
    await page.getByTestId('class-row').filter({ hasText: '一年级1班' }).getByText('2 pupils').waitFor();
  });

  it('a class teacher on a phone (Chinese) keeps their own class: adds a pupil and who may collect them', async () => {
    const keeper = await demo.open('s1.safety', { viewport: DESKTOP });
    const me = await apiGet<Me>(keeper, '/auth/me');
    const school = me.scopes[0]!.unitId;
    const teacherPage = await demo.open('s1.teacher1', { viewport: PHONE });
    const teacher = await apiGet<Me>(teacherPage, '/auth/me');
    const classes = await apiGet<ClassView[]>(keeper, `/rosters/classes?unitId=${school}`);
    const mine = classes.find((c) => c.name === '一年级1班')!;
    await apiSend(keeper, 'PATCH', `/rosters/classes/${mine.id}`, { teacherPersonId: teacher.personId });

    const page = teacherPage;
    await page.goto('/rosters');
    const row = page.getByTestId('class-row');
    await row.filter({ hasText: '一年级1班' }).click();
    assert.equal(await row.count(), 1, 'the teacher sees only their own class');
    const card = page.getByTestId('class-roster');
    await card.getByText('王小明').waitFor();
    await card.getByTestId('add-pupil').click();
    const form = page.getByTestId('pupil-form');
    await form.locator('#name').fill('陈思雨');
    const first = form.getByTestId('adult-0');
    await first.locator('input').nth(0).fill('陈刚');
    await first.locator('input').nth(1).fill('父亲');
    await first.locator('input').nth(2).fill('13912345678');
    await first.locator('input').nth(3).fill('123x');
    await shot(page, 'rosters-add-pupil-phone-zh');
    const saved = toast(page, '已保存');
    await pressInDialog(page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }));
    await saved;
    await card.getByText('陈思雨').waitFor();
    await card.getByText(/父亲 陈刚 · 13912345678 · 监护人/).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the roster fits a 375 px phone (overflow ${overflow}px)`);
    await shot(page, 'rosters-class-phone-zh');

    const after = await apiGet<{ roster: { name: string; adults: { idLast4: string | null }[] }[] }>(
      page,
      `/rosters/classes/${mine.id}`,
    );
    assert.deepEqual(
      after.roster.find((p) => p.name === '陈思雨')?.adults.map((a) => a.idLast4),
      ['123X'],
    );
  });
});
