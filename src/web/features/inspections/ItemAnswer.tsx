import { CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import { Input, Segmented, Select, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import type { ChecklistItem, Result, Risk } from './api.js';
import { RISKS } from './api.js';
import { useInspectionText } from './i18n.js';
import { PhotoField } from './PhotoField.js';

export interface Answer {
  result?: Result;
  note: string;
  photoIds: string[];
  ownerPersonId?: string;
  dueDays: number;
  risk: Risk;
}

interface Props {
  item: ChecklistItem;
  answer: Answer;
  unitId: string;
  people: { value: string; label: string }[];
  errors: string[];
  onChange: (code: string, change: Partial<Answer>) => void;
}

const ICONS: Record<Result, ReactNode> = { pass: <CheckOutlined />, fail: <CloseOutlined />, na: <MinusOutlined /> };
const DUE_CHOICES = [1, 3, 7, 14, 30];

/** One checklist item: three big buttons, and for a failure what was found and who fixes it by when. */
export const ItemAnswer = memo(function ItemAnswer({ item, answer, unitId, people, errors, onChange }: Props) {
  const tn = useInspectionText();
  const set = (change: Partial<Answer>) => onChange(item.code, change);
  const days = [...new Set([...DUE_CHOICES, item.fixDays])].sort((a, b) => a - b);
  return (
    <div
      className={`steady-insp-item steady-insp-item-${answer.result ?? 'open'}`}
      data-testid="run-item"
      data-code={item.code}
    >
      <div className="steady-insp-item-text">
        <span className="steady-insp-code">{item.code}</span> {item.text}
      </div>
      {item.guidance && (
        <details className="steady-insp-guidance">
          <summary>{tn('run.guidance')}</summary>
          {item.guidance}
        </details>
      )}
      <div className="steady-insp-choices" role="radiogroup" aria-label={item.text}>
        {(['pass', 'fail', 'na'] as const).map((result) => (
          <button
            key={result}
            type="button"
            role="radio"
            aria-checked={answer.result === result}
            className={`steady-insp-choice steady-insp-choice-${result}`}
            data-result={result}
            onClick={() => set({ result })}
          >
            {ICONS[result]} {tn(`run.${result}`)}
          </button>
        ))}
      </div>
      {answer.result === 'fail' && (
        <div className="steady-insp-fail">
          <Input.TextArea
            value={answer.note}
            onChange={(e) => set({ note: e.target.value })}
            placeholder={tn('run.notePlaceholder')}
            aria-label={tn('run.note')}
            autoSize={{ minRows: 2 }}
            maxLength={2000}
            style={{ fontSize: 16 }}
            data-testid="fail-note"
          />
          <PhotoField
            unitId={unitId}
            value={answer.photoIds}
            onChange={(photoIds) => set({ photoIds })}
            label={tn('run.photo')}
            testId={`photo-input-${item.code}`}
          />
          <div className="steady-insp-task-fields">
            <label>
              <Typography.Text type="secondary">{tn('run.owner')}</Typography.Text>
              <Select
                value={answer.ownerPersonId}
                onChange={(ownerPersonId: string) => set({ ownerPersonId })}
                options={people}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: '100%' }}
                data-testid="fail-owner"
              />
            </label>
            <label>
              <Typography.Text type="secondary">{tn('run.due')}</Typography.Text>
              <Select
                value={answer.dueDays}
                onChange={(dueDays: number) => set({ dueDays })}
                options={days.map((n) => ({ value: n, label: tn('run.dueDays', { n }) }))}
                style={{ width: '100%' }}
              />
            </label>
          </div>
          <div>
            <Typography.Text type="secondary">{tn('run.risk')}</Typography.Text>
            <Segmented
              block
              value={answer.risk}
              onChange={(risk) => set({ risk: risk as Risk })}
              options={RISKS.map((r) => ({ value: r, label: tn(`risk.${r}`) }))}
            />
          </div>
        </div>
      )}
      {errors.map((e) => (
        <Typography.Text key={e} type="danger" style={{ display: 'block' }}>
          {e}
        </Typography.Text>
      ))}
    </div>
  );
});
