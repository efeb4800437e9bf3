import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNIT_TYPES } from '../../common/org.js';
import { CHECKLIST_IDS } from '../../common/schemas/inspections.js';
import {
  ChecklistTemplate,
  FIX_DAYS_BY_RISK,
  listChecklistTemplates,
  loadChecklistTemplate,
} from './checklist-templates.js';

const LOCALES = ['zh-CN', 'en'] as const;
const HAN = /[\u3400-\u9fff]/;

/** A small template that passes the schema, for the negative cases to break one thing at a time. */
function validTemplate() {
  return {
    id: 'fire',
    unitTypes: ['school'],
    area: { 'zh-CN': '消防设施', en: 'Fire equipment' },
    frequency: 'monthly',
    items: Array.from({ length: 10 }, (_, i) => ({
      code: `F${String(i + 1).padStart(2, '0')}`,
      text: { 'zh-CN': `检查项${i + 1}`, en: `Item ${i + 1}` },
      guidance: { 'zh-CN': '如何检查', en: 'How to check' },
      defaultRisk: 'medium',
      defaultFixDays: 7,
    })),
  };
}

describe('checklist templates', () => {
  it('loads every checklist, with an id matching its file', () => {
    assert.deepEqual(
      listChecklistTemplates().map((t) => t.id),
      [...CHECKLIST_IDS],
    );
  });

  for (const id of CHECKLIST_IDS) {
    describe(id, () => {
      const template = loadChecklistTemplate(id);

      it('has 12–25 items with unique codes', () => {
        assert.ok(template.items.length >= 12 && template.items.length <= 25, `${template.items.length} items`);
        const codes = template.items.map((i) => i.code);
        assert.equal(new Set(codes).size, codes.length);
      });

      it('writes every item in both locales, non-empty, with English free of Chinese', () => {
        for (const locale of LOCALES) {
          assert.ok(template.area[locale].trim(), `${locale}: area`);
          for (const item of template.items) {
            assert.ok(item.text[locale].trim(), `${item.code} ${locale}: text`);
            assert.ok(item.guidance[locale].trim(), `${item.code} ${locale}: guidance`);
          }
        }
        const texts = (locale: 'zh-CN' | 'en') =>
          template.items.filter((i) => i.text[locale].trim() && i.guidance[locale].trim()).length;
        assert.equal(texts('en'), texts('zh-CN'), 'the same number of items in each locale');
        for (const item of template.items) {
          assert.ok(
            !HAN.test(item.text.en) && !HAN.test(item.guidance.en),
            `${item.code}: no Chinese left in the English`,
          );
          assert.ok(
            HAN.test(item.text['zh-CN']) && HAN.test(item.guidance['zh-CN']),
            `${item.code}: the zh-CN text is Chinese`,
          );
        }
        assert.ok(!HAN.test(template.area.en));
      });

      it('sets a fix deadline that suits each item’s risk', () => {
        for (const item of template.items) {
          const { min, max } = FIX_DAYS_BY_RISK[item.defaultRisk];
          assert.ok(item.defaultFixDays >= min && item.defaultFixDays <= max, item.code);
        }
      });

      it('names only unit types Steady knows', () => {
        for (const type of template.unitTypes) assert.ok((UNIT_TYPES as readonly string[]).includes(type), type);
      });
    });
  }

  it('writes the school checklists for schools and kindergartens, and the rental-housing one for communities', () => {
    assert.deepEqual(loadChecklistTemplate('rental-housing-fire').unitTypes, ['community', 'street_office']);
    assert.deepEqual(loadChecklistTemplate('canteen').unitTypes, ['school', 'kindergarten', 'central_school']);
  });

  it('asks the canteen to keep 125 g of every dish for 48 hours (留样)', () => {
    const items = loadChecklistTemplate('canteen').items;
    const sample = items.find(
      (i) => i.text['zh-CN'].includes('留样') && /sample/i.test(i.text.en) && /125/.test(i.text['zh-CN']),
    );
    assert.ok(sample, 'a sample-retention item that gives the weight');
    assert.match(sample.text['zh-CN'], /125\s*克/);
    assert.match(sample.text['zh-CN'], /48\s*小时/);
    assert.match(sample.text.en, /125 g/);
    assert.match(sample.text.en, /48 hours/);
    assert.equal(sample.defaultRisk, 'high');
  });

  it('treats an extinguisher out of pressure or out of date as high risk', () => {
    const item = loadChecklistTemplate('fire').items.find(
      (i) => i.text['zh-CN'].includes('灭火器') && /extinguisher/i.test(i.text.en),
    );
    assert.ok(item, 'an extinguisher item');
    assert.equal(item.defaultRisk, 'high');
    assert.match(item.text['zh-CN'], /绿区/);
    assert.match(item.text.en, /green zone/);
  });

  it('names e-bikes charged indoors in the rental-housing checklist, as high risk', () => {
    const item = loadChecklistTemplate('rental-housing-fire').items.find(
      (i) => i.text['zh-CN'].includes('电动自行车') && i.text['zh-CN'].includes('充电'),
    );
    assert.ok(item);
    assert.equal(item.defaultRisk, 'high');
  });

  it('asks for 30 days of gate video and a one-button alarm linked to the police', () => {
    const gate = loadChecklistTemplate('gate')
      .items.map((i) => i.text['zh-CN'])
      .join('\n');
    assert.match(gate, /不少于30天/);
    assert.match(gate, /一键式紧急报警/);
    assert.match(gate, /24小时/);
  });

  describe('schema', () => {
    it('accepts the minimal valid template', () => {
      assert.equal(ChecklistTemplate.safeParse(validTemplate()).success, true);
    });

    it('refuses a duplicate item code', () => {
      const t = validTemplate();
      t.items[3]!.code = 'F01';
      const result = ChecklistTemplate.safeParse(t);
      assert.equal(result.success, false);
      assert.ok(result.error?.issues.some((i) => /used twice/.test(i.message) && i.path.join('.') === 'items.3.code'));
    });

    it('refuses an item without English, or with empty English', () => {
      const missing = validTemplate();
      delete (missing.items[0]!.text as { en?: string }).en;
      assert.equal(ChecklistTemplate.safeParse(missing).success, false);
      const blank = validTemplate();
      blank.items[0]!.guidance.en = '   ';
      assert.equal(ChecklistTemplate.safeParse(blank).success, false);
    });

    it('refuses a template with both faults at once, naming each', () => {
      const t = validTemplate();
      t.items[1]!.code = 'F01';
      delete (t.items[2]!.text as { en?: string }).en;
      const result = ChecklistTemplate.safeParse(t);
      assert.equal(result.success, false);
      const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
      assert.ok(paths.includes('items.2.text.en'), paths.join(', '));
    });

    const refusesFewerThanItems =
      'refuses fewer than 10 items, unknown fields, unknown unit types and a deadline that does not suit the risk';
    it(refusesFewerThanItems, () => {
      const short = validTemplate();
      short.items.pop();
      assert.equal(ChecklistTemplate.safeParse(short).success, false);
      assert.equal(ChecklistTemplate.safeParse({ ...validTemplate(), extra: true }).success, false);
      assert.equal(ChecklistTemplate.safeParse({ ...validTemplate(), unitTypes: ['hospital'] }).success, false);
      const slow = validTemplate();
      Object.assign(slow.items[0]!, { defaultRisk: 'high', defaultFixDays: 14 });
      assert.equal(ChecklistTemplate.safeParse(slow).success, false);
    });
  });

  it('hands each caller its own copy, so an inspection cannot change the template', () => {
    loadChecklistTemplate('fire').items[0]!.defaultRisk = 'low';
    assert.equal(loadChecklistTemplate('fire').items[0]!.defaultRisk, 'high');
  });
});
