import { Col, Form, Input, Row, Typography } from 'antd';
import { useT } from '../../../i18n/index.js';
import { PersonSelect } from '../PersonSelect.js';
import type { PlanPerson } from '../usePlanPeople.js';
import { problemProps, type SectionProps } from './section-props.js';

/** 领导小组: leader, deputies, members, the office and its contact, chosen from the unit's people. */
export function LeadershipSection({
  draft,
  setContent,
  readOnly,
  problemsAt,
  people,
  peopleLoading,
}: SectionProps & { people: PlanPerson[]; peopleLoading: boolean }) {
  const t = useT();
  const group = draft.content.leadership;
  const set = (patch: Partial<typeof group>) => setContent({ leadership: { ...group, ...patch } });
  const at = (field: string) => problemsAt(`content.leadership.${field}`);
  const common = { people, loading: peopleLoading, disabled: readOnly };

  return (
    <Form layout="vertical" component="div">
      <Typography.Paragraph type="secondary">{t('leadership.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('leadership.leader')} htmlFor="plan-leader" {...problemProps(at('leaderId'))}>
            <PersonSelect
              {...common}
              id="plan-leader"
              value={group.leaderId}
              error={at('leaderId').length > 0}
              onChange={(leaderId) => set({ leaderId })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('leadership.deputies')} htmlFor="plan-deputies" {...problemProps(at('deputyIds'))}>
            <PersonSelect
              {...common}
              multiple
              id="plan-deputies"
              value={group.deputyIds}
              error={at('deputyIds').length > 0}
              onChange={(deputyIds) => set({ deputyIds })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('leadership.members')} htmlFor="plan-members" {...problemProps(at('memberIds'))}>
        <PersonSelect
          {...common}
          multiple
          id="plan-members"
          value={group.memberIds}
          error={at('memberIds').length > 0}
          onChange={(memberIds) => set({ memberIds })}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('leadership.officeName')} htmlFor="plan-office" {...problemProps(at('officeName'))}>
            <Input
              id="plan-office"
              value={group.officeName}
              maxLength={200}
              readOnly={readOnly}
              onChange={(e) => set({ officeName: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('leadership.officeContact')}
            htmlFor="plan-office-contact"
            {...problemProps(at('officeContactId'))}
          >
            <PersonSelect
              {...common}
              id="plan-office-contact"
              value={group.officeContactId}
              error={at('officeContactId').length > 0}
              onChange={(officeContactId) => set({ officeContactId })}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
