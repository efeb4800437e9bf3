import { EditOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useRef, type CSSProperties, type ReactNode } from 'react';
import { useT } from '../../i18n/index.js';
import { BLANK_PATTERN, blanksIn } from './plan-model.js';
import './plans.css';

interface Props {
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  id?: string;
  rows?: number;
  maxLength?: number;
  error?: boolean;
  placeholder?: string;
}

/** The words inside a blank: 【待填写：集合地点】 → 集合地点. */
const blankName = (blank: string) => blank.replace(/^【待填写：|】$|^\[To fill in:\s*|\]$/g, '');

/** The text with the blanks wrapped in <mark>, laid out exactly like the text area above it. */
function marked(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(BLANK_PATTERN)) {
    const start = match.index ?? 0;
    nodes.push(text.slice(last, start), <mark key={start}>{match[0]}</mark>);
    last = start + match[0].length;
  }
  nodes.push(text.slice(last), '\u200b');
  return nodes;
}

/**
 * A growing text area whose template blanks are highlighted in place and listed below it;
 * choosing a listed blank selects it, ready to be typed over.
 */
export function BlankText({ value, onChange, readOnly, id, rows = 3, maxLength, error, placeholder }: Props) {
  const t = useT();
  const area = useRef<HTMLTextAreaElement>(null);
  const blanks = blanksIn(value);

  const select = (index: number) => {
    const element = area.current;
    if (!element) return;
    let from = 0;
    for (let i = 0; i <= index; i++) {
      const start = value.indexOf(blanks[i]!, from);
      if (i === index) {
        element.focus();
        element.setSelectionRange(start, start + blanks[i]!.length);
      }
      from = start + blanks[i]!.length;
    }
  };

  const classes = ['steady-blank-text', blanks.length && 'has-blanks', error && 'is-error', readOnly && 'is-readonly']
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <div className={classes} style={{ '--steady-rows': rows } as CSSProperties}>
        <div className="steady-blank-mirror" aria-hidden="true">
          {marked(value)}
        </div>
        <textarea
          ref={area}
          id={id}
          value={value}
          readOnly={readOnly}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-invalid={error || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {blanks.length > 0 && (
        <div className="steady-blank-hint" data-testid="blank-hint">
          <EditOutlined />
          <span>{t('plan.blanksHint')}</span>
          {blanks.map((blank, i) => (
            <Tag key={i} color="orange" onClick={() => select(i)}>
              {blankName(blank)}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}
