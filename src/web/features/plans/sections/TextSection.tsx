import { Checkbox, Form } from 'antd';
import { useT } from '../../../i18n/index.js';
import { BlankText } from '../BlankText.js';
import { problemProps, type SectionProps } from './section-props.js';

/** 工作纪律 (with the leave rule) or 责任追究: one text of the plan. */
export function TextSection({
  field,
  draft,
  setContent,
  readOnly,
  problemsAt,
}: SectionProps & { field: 'discipline' | 'accountability' }) {
  const t = useT();
  const problems = problemsAt(`content.${field}`);
  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label={t(field === 'discipline' ? 'discipline.text' : 'accountability.text')}
        htmlFor={`plan-${field}`}
        {...problemProps(problems)}
      >
        <BlankText
          id={`plan-${field}`}
          value={draft.content[field]}
          rows={8}
          readOnly={readOnly}
          error={problems.length > 0}
          onChange={(value) => setContent({ [field]: value })}
        />
      </Form.Item>
      {field === 'discipline' && (
        <Form.Item {...problemProps(problemsAt('content.leaveApprovalRequired'))}>
          <Checkbox
            checked={draft.content.leaveApprovalRequired}
            disabled={readOnly}
            onChange={(e) => setContent({ leaveApprovalRequired: e.target.checked })}
          >
            {t('discipline.leaveApproval')}
          </Checkbox>
        </Form.Item>
      )}
    </Form>
  );
}
