import { Form, Input } from 'antd';
import { useT, type MessageKey } from '../../../i18n/index.js';
import { BlankText } from '../BlankText.js';
import { problemProps, type SectionProps } from './section-props.js';

const TEXTS: { field: 'purpose' | 'basis' | 'scope' | 'principles'; label: MessageKey; rows: number }[] = [
  { field: 'purpose', label: 'general.purpose', rows: 4 },
  { field: 'basis', label: 'general.basis', rows: 4 },
  { field: 'scope', label: 'general.scope', rows: 4 },
  { field: 'principles', label: 'general.principles', rows: 6 },
];

/** 总则: the title, purpose, basis, scope and principles. */
export function GeneralSection({ draft, setContent, setDraft, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('plan.titleField')} htmlFor="plan-title" {...problemProps(problemsAt('title'))}>
        <Input
          id="plan-title"
          value={draft.title}
          maxLength={200}
          readOnly={readOnly}
          onChange={(e) => setDraft({ title: e.target.value })}
        />
      </Form.Item>
      {TEXTS.map(({ field, label, rows }) => {
        const problems = problemsAt(`content.${field}`);
        return (
          <Form.Item key={field} label={t(label)} htmlFor={`plan-${field}`} {...problemProps(problems)}>
            <BlankText
              id={`plan-${field}`}
              value={draft.content[field]}
              rows={rows}
              readOnly={readOnly}
              error={problems.length > 0}
              onChange={(value) => setContent({ [field]: value })}
            />
          </Form.Item>
        );
      })}
    </Form>
  );
}
