import { Checkbox, Col, Flex, Form, InputNumber, Radio, Row } from 'antd';
import { useT } from '../../../i18n/index.js';
import { problemProps, type SectionProps } from './section-props.js';
import { TimeField } from '../../../components/date-fields/TimeField.js';

/** 值班与巡查: 24-hour duty, shifts, duty leader, gate, night patrols. */
export function DutySection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const duty = draft.content.duty;
  const set = (patch: Partial<typeof duty>) => setContent({ duty: { ...duty, ...patch } });
  const at = (field: string) => problemProps(problemsAt(`content.duty.${field}`));
  const patrol = duty.patrolWindow;

  return (
    <Form layout="vertical" component="div">
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Checkbox
          checked={duty.twentyFourHour}
          disabled={readOnly}
          onChange={(e) => set({ twentyFourHour: e.target.checked })}
        >
          {t('duty.twentyFourHour')}
        </Checkbox>
        <Checkbox
          checked={duty.dutyLeaderRequired}
          disabled={readOnly}
          onChange={(e) => set({ dutyLeaderRequired: e.target.checked })}
        >
          {t('duty.dutyLeaderRequired')}
        </Checkbox>
        <Checkbox
          checked={duty.gateStaffed24h}
          disabled={readOnly}
          onChange={(e) => set({ gateStaffed24h: e.target.checked })}
        >
          {t('duty.gateStaffed24h')}
        </Checkbox>
      </Flex>
      <Form.Item label={t('duty.shiftPattern')} {...at('shiftPattern')}>
        <Radio.Group
          value={duty.shiftPattern}
          disabled={readOnly}
          onChange={(e) => set({ shiftPattern: e.target.value as typeof duty.shiftPattern })}
          options={[
            { value: '24h', label: t('duty.shift24h') },
            { value: 'day_night', label: t('duty.shiftDayNight') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('duty.patrolWindow')} {...at('patrolWindow')}>
        <Checkbox
          checked={patrol !== null}
          disabled={readOnly}
          onChange={(e) => set({ patrolWindow: e.target.checked ? { start: '22:00', end: '06:00' } : null })}
          style={{ marginBottom: 8 }}
        >
          {t('duty.patrolWindowOn')}
        </Checkbox>
        {patrol && (
          <Flex gap={8} align="center" wrap>
            <TimeField
              aria-label={t('duty.patrolStart')}
              prefix={t('duty.patrolStart')}
              value={patrol.start}
              disabled={readOnly}
              onChange={(v) => v && set({ patrolWindow: { ...patrol, start: v } })}
              style={{ width: 170 }}
            />
            <TimeField
              aria-label={t('duty.patrolEnd')}
              prefix={t('duty.patrolEnd')}
              value={patrol.end}
              disabled={readOnly}
              onChange={(v) => v && set({ patrolWindow: { ...patrol, end: v } })}
              style={{ width: 170 }}
            />
          </Flex>
        )}
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('duty.minPatrolsPerDay')} htmlFor="duty-patrols" {...at('minPatrolsPerDay')}>
            <InputNumber
              id="duty-patrols"
              min={0}
              max={48}
              precision={0}
              value={duty.minPatrolsPerDay}
              disabled={readOnly}
              onChange={(v) => set({ minPatrolsPerDay: v ?? 0 })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('duty.minUnannouncedPatrols')}
            htmlFor="duty-unannounced"
            {...at('minUnannouncedPatrols')}
          >
            <InputNumber
              id="duty-unannounced"
              min={0}
              max={20}
              precision={0}
              value={duty.minUnannouncedPatrols}
              disabled={readOnly}
              onChange={(v) => set({ minUnannouncedPatrols: v ?? 0 })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
