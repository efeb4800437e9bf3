import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { PlanContent } from '../../../../common/schemas/plan-content.js';
import { roleOptions } from '../../../components/labels.js';
import { useT } from '../../../i18n/index.js';
import { BlankText } from '../BlankText.js';
import { formatMinutes } from '../duration.js';
import { moved, replaced, without } from '../plan-model.js';
import { problemProps } from './section-props.js';

type Step = PlanContent['procedures'][number]['steps'][number];

interface Props {
  steps: Step[];
  onChange: (steps: Step[]) => void;
  readOnly: boolean;
  /** Field path of the steps, e.g. `content.procedures.0.steps`. */
  path: string;
  problemsAt: (field: string) => string[];
}

const STEPS_MAX = 30;

/** The ordered steps of one response procedure: what, who, within how many minutes. */
export function ProcedureSteps({ steps, onChange, readOnly, path, problemsAt }: Props) {
  const t = useT();
  return (
    <Form layout="vertical" component="div">
      {steps.map((step, i) => {
        const at = (field: keyof Step) => problemsAt(`${path}.${i}.${field}`);
        const change = (patch: Partial<Step>) => onChange(replaced(steps, i, { ...step, ...patch }));
        const id = `${path}-${i}`.replace(/\./g, '-');
        return (
          <div key={i} className={`steady-plan-step${problemsAt(`${path}.${i}`).length ? ' has-problem' : ''}`}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
              <Typography.Text strong>{i + 1}.</Typography.Text>
              {!readOnly && (
                <span>
                  <Button
                    type="text"
                    size="small"
                    aria-label={t('chain.moveUp')}
                    title={t('chain.moveUp')}
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    onClick={() => onChange(moved(steps, i, i - 1))}
                  />
                  <Button
                    type="text"
                    size="small"
                    aria-label={t('chain.moveDown')}
                    title={t('chain.moveDown')}
                    icon={<ArrowDownOutlined />}
                    disabled={i === steps.length - 1}
                    onClick={() => onChange(moved(steps, i, i + 1))}
                  />
                  <Button
                    type="text"
                    size="small"
                    danger
                    aria-label={t('common.remove')}
                    title={t('common.remove')}
                    icon={<DeleteOutlined />}
                    onClick={() => onChange(without(steps, i))}
                  />
                </span>
              )}
            </Flex>
            <Form.Item
              label={t('procedures.what')}
              htmlFor={`${id}-what`}
              style={{ marginBottom: 8 }}
              {...problemProps(at('what'))}
            >
              <BlankText
                id={`${id}-what`}
                value={step.what}
                rows={2}
                maxLength={1000}
                readOnly={readOnly}
                error={at('what').length > 0}
                onChange={(what) => change({ what })}
              />
            </Form.Item>
            <Row gutter={[12, 8]}>
              <Col xs={12} md={8}>
                <Form.Item
                  label={t('procedures.role')}
                  htmlFor={`${id}-role`}
                  style={{ marginBottom: 0 }}
                  {...problemProps(at('role'))}
                >
                  <Select
                    id={`${id}-role`}
                    value={step.role}
                    allowClear
                    options={roleOptions(t)}
                    disabled={readOnly}
                    onChange={(role) => change({ role: role ?? null })}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item
                  label={t('procedures.who')}
                  htmlFor={`${id}-who`}
                  style={{ marginBottom: 0 }}
                  {...problemProps(at('who'))}
                >
                  <Input
                    id={`${id}-who`}
                    value={step.who}
                    maxLength={200}
                    placeholder={t('procedures.whoPlaceholder')}
                    readOnly={readOnly}
                    onChange={(e) => change({ who: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label={t('procedures.within')}
                  htmlFor={`${id}-within`}
                  style={{ marginBottom: 0 }}
                  {...problemProps(at('withinMinutes'))}
                >
                  <InputNumber
                    id={`${id}-within`}
                    value={step.withinMinutes}
                    min={0}
                    max={60 * 24 * 30}
                    precision={0}
                    placeholder={t('procedures.withinPlaceholder')}
                    suffix={
                      step.withinMinutes === 0 || (step.withinMinutes ?? 0) >= 60
                        ? formatMinutes(t, step.withinMinutes ?? 0)
                        : undefined
                    }
                    disabled={readOnly}
                    onChange={(value) => change({ withinMinutes: typeof value === 'number' ? value : null })}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            </Row>
          </div>
        );
      })}
      {!readOnly && steps.length < STEPS_MAX && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => onChange([...steps, { what: '', role: null, who: '', withinMinutes: null }])}
        >
          {t('procedures.addStep')}
        </Button>
      )}
    </Form>
  );
}
