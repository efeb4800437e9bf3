import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Form, Input } from 'antd';
import { useT } from '../../../i18n/index.js';
import { BlankText } from '../BlankText.js';
import { replaced, without } from '../plan-model.js';
import { problemProps, type SectionProps } from './section-props.js';

const LIST_MAX = 50;

/** 职责: each post or title and what it answers for. */
export function DutiesSection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const duties = draft.content.duties;
  const set = (next: typeof duties) => setContent({ duties: next });

  return (
    <Form layout="vertical" component="div">
      {duties.length === 0 && <Empty description={t('duties.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {duties.map((duty, i) => {
        const problems = problemsAt(`content.duties.${i}`);
        return (
          <div key={i} className={`steady-plan-step${problems.length ? ' has-problem' : ''}`}>
            <Flex gap={8} align="start">
              <Form.Item
                label={t('duties.title')}
                htmlFor={`duty-title-${i}`}
                style={{ flex: 1, marginBottom: 8 }}
                {...problemProps(problemsAt(`content.duties.${i}.title`))}
              >
                <Input
                  id={`duty-title-${i}`}
                  value={duty.title}
                  maxLength={200}
                  readOnly={readOnly}
                  onChange={(e) => set(replaced(duties, i, { ...duty, title: e.target.value }))}
                />
              </Form.Item>
              {!readOnly && (
                <Button
                  type="text"
                  danger
                  aria-label={t('common.remove')}
                  icon={<DeleteOutlined />}
                  style={{ marginTop: 30 }}
                  onClick={() => set(without(duties, i))}
                />
              )}
            </Flex>
            <Form.Item
              label={t('duties.text')}
              htmlFor={`duty-text-${i}`}
              style={{ marginBottom: 0 }}
              {...problemProps(problemsAt(`content.duties.${i}.text`))}
            >
              <BlankText
                id={`duty-text-${i}`}
                value={duty.text}
                rows={2}
                readOnly={readOnly}
                onChange={(text) => set(replaced(duties, i, { ...duty, text }))}
              />
            </Form.Item>
          </div>
        );
      })}
      {!readOnly && duties.length < LIST_MAX && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={() => set([...duties, { title: '', text: '' }])}>
          {t('duties.add')}
        </Button>
      )}
    </Form>
  );
}
