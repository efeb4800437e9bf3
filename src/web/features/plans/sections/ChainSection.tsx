import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { ChainStep } from '../../../../common/schemas/plan-content.js';
import {
  chainKindLabel,
  chainKindOptions,
  chainTargetLabel,
  chainTargetOptions,
  roleLabel,
  roleOptions,
  unitTypeLabel,
  unitTypeOptions,
} from '../../../components/labels.js';
import { useT } from '../../../i18n/index.js';
import { DeadlineInput } from '../DeadlineInput.js';
import { formatMinutes } from '../duration.js';
import { moved, replaced, without } from '../plan-model.js';
import { problemProps, type SectionProps } from './section-props.js';

const CHAIN_STEPS_MAX = 10;

/** 报告链: whom to tell, in order, each within a deadline counted from the report. */
export function ChainSection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const chain = draft.content.reportingChain;
  const set = (next: ChainStep[]) => setContent({ reportingChain: next });
  const wholeChain = problemsAt('content.reportingChain').filter(
    (m) => !chain.some((_, i) => problemsAt(`content.reportingChain.${i}`).includes(m)),
  );

  const add = () => {
    const last = chain[chain.length - 1];
    set([
      ...chain,
      {
        kind: 'report',
        target: 'parent',
        role: 'supervisor',
        deadlineMinutes: last ? last.deadlineMinutes + 60 : 10,
        note: '',
      },
    ]);
  };

  return (
    <Form layout="vertical" component="div" data-testid="chain-editor">
      <Typography.Paragraph type="secondary">{t('chain.intro')}</Typography.Paragraph>
      {wholeChain.length > 0 && (
        <Alert type="error" showIcon title={wholeChain.join(' ')} style={{ marginBottom: 12 }} />
      )}
      {chain.length === 0 && <Empty description={t('chain.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {chain.map((step, i) => {
        const at = (field: keyof ChainStep) => problemsAt(`content.reportingChain.${i}.${field}`);
        const change = (patch: Partial<ChainStep>) => set(replaced(chain, i, { ...step, ...patch }));
        const hasProblem = problemsAt(`content.reportingChain.${i}`).length > 0;
        return (
          <div key={i} className={`steady-plan-step${hasProblem ? ' has-problem' : ''}`} data-testid="chain-step">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{t('chain.step', { n: i + 1 })}</Typography.Text>
              {!readOnly && (
                <span style={{ flexShrink: 0 }}>
                  <Button
                    type="text"
                    size="small"
                    aria-label={t('chain.moveUp')}
                    title={t('chain.moveUp')}
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    onClick={() => set(moved(chain, i, i - 1))}
                  />
                  <Button
                    type="text"
                    size="small"
                    aria-label={t('chain.moveDown')}
                    title={t('chain.moveDown')}
                    icon={<ArrowDownOutlined />}
                    disabled={i === chain.length - 1}
                    onClick={() => set(moved(chain, i, i + 1))}
                  />
                  <Button
                    type="text"
                    size="small"
                    danger
                    aria-label={t('common.remove')}
                    title={t('common.remove')}
                    icon={<DeleteOutlined />}
                    onClick={() => set(without(chain, i))}
                  />
                </span>
              )}
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }} data-testid="chain-step-summary">
              {t('chain.summary', {
                within: formatMinutes(t, step.deadlineMinutes),
                kind: chainKindLabel(t, step.kind),
                target:
                  step.target === 'nearest' && step.unitType
                    ? t('chainTarget.nearestOf', { type: unitTypeLabel(t, step.unitType).toLowerCase() })
                    : chainTargetLabel(t, step.target),
                role: roleLabel(t, step.role),
              })}
            </Typography.Paragraph>
            <Row gutter={[12, 0]}>
              <Col xs={12} md={6}>
                <Form.Item label={t('chain.kind')} htmlFor={`chain-kind-${i}`} {...problemProps(at('kind'))}>
                  <Select
                    id={`chain-kind-${i}`}
                    value={step.kind}
                    options={chainKindOptions(t)}
                    disabled={readOnly}
                    onChange={(kind) => change({ kind })}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item label={t('chain.target')} htmlFor={`chain-target-${i}`} {...problemProps(at('target'))}>
                  <Select
                    id={`chain-target-${i}`}
                    value={step.target}
                    options={chainTargetOptions(t, step.target)}
                    disabled={readOnly}
                    onChange={(target) =>
                      change({
                        target,
                        ...(target === 'nearest' ? { unitType: step.unitType ?? 'education_bureau' } : {}),
                      })
                    }
                    status={at('target').length ? 'error' : undefined}
                  />
                </Form.Item>
              </Col>
              {step.target === 'nearest' && (
                <Col xs={12} md={6}>
                  <Form.Item
                    label={t('chain.unitType')}
                    htmlFor={`chain-unit-type-${i}`}
                    {...problemProps(at('unitType'))}
                  >
                    <Select
                      id={`chain-unit-type-${i}`}
                      value={step.unitType}
                      options={unitTypeOptions(t)}
                      disabled={readOnly}
                      onChange={(unitType) => change({ unitType })}
                      status={at('unitType').length ? 'error' : undefined}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={12} md={6}>
                <Form.Item label={t('chain.role')} htmlFor={`chain-role-${i}`} {...problemProps(at('role'))}>
                  <Select
                    id={`chain-role-${i}`}
                    value={step.role}
                    options={roleOptions(t)}
                    disabled={readOnly}
                    onChange={(role) => change({ role })}
                    status={at('role').length ? 'error' : undefined}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item
                  label={t('chain.deadline')}
                  htmlFor={`chain-deadline-${i}`}
                  {...problemProps(at('deadlineMinutes'))}
                >
                  <DeadlineInput
                    id={`chain-deadline-${i}`}
                    value={step.deadlineMinutes}
                    disabled={readOnly}
                    error={at('deadlineMinutes').length > 0}
                    onChange={(deadlineMinutes) => change({ deadlineMinutes })}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label={t('chain.note')}
              htmlFor={`chain-note-${i}`}
              style={{ marginBottom: 0 }}
              {...problemProps(at('note'))}
            >
              <Input
                id={`chain-note-${i}`}
                value={step.note}
                maxLength={200}
                readOnly={readOnly}
                onChange={(e) => change({ note: e.target.value })}
              />
            </Form.Item>
          </div>
        );
      })}
      {!readOnly && chain.length < CHAIN_STEPS_MAX && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={add}>
          {t('chain.add')}
        </Button>
      )}
    </Form>
  );
}
