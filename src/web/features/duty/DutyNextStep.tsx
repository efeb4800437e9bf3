import { CalendarOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DutyNextStep as NextStep } from '../../../common/schemas/duty.js';
import { useDutyText } from './i18n.js';
import { PersonLine } from './PersonLine.js';

interface Props {
  unitId: string;
  nextStep: NextStep;
  /** The local date of a shift without a duty leader: offers 指派值班领导 on that day. */
  leaderDate?: string;
}

/**
 * The step a duty warning offers (issue #13): to a roster keeper, the screen where it is done
 * (去排班, 指派值班领导); to anyone else, whom to ask, by name and phone — the server decides which.
 */
export function DutyNextStep({ unitId, nextStep, leaderDate }: Props) {
  const dt = useDutyText();
  if (nextStep.mayEditRoster) {
    return (
      <Flex gap={8} wrap data-testid="duty-next-step" data-may-edit="true">
        <Link to={`/duty/roster?unit=${unitId}`}>
          <Button size="small" type="primary" icon={<CalendarOutlined />} data-testid="go-roster">
            {dt('next.roster')}
          </Button>
        </Link>
        {leaderDate && (
          <Link to={`/duty?unit=${unitId}&view=day&date=${leaderDate}`}>
            <Button size="small" icon={<UserAddOutlined />} data-testid="assign-leader">
              {dt('next.assignLeader')}
            </Button>
          </Link>
        )}
      </Flex>
    );
  }
  return (
    <div data-testid="duty-next-step" data-may-edit="false">
      {nextStep.askWhom.length === 0 ? (
        <Typography.Text type="secondary">{dt('next.askNobody')}</Typography.Text>
      ) : (
        <>
          <Typography.Text type="secondary">{dt('next.ask', { unit: nextStep.askWhom[0]!.unitName })}</Typography.Text>
          <Flex gap={4} vertical style={{ marginTop: 2 }}>
            {nextStep.askWhom.map((p) => (
              <PersonLine key={p.id} person={p} tag={dt('next.keeper')} />
            ))}
          </Flex>
        </>
      )}
    </div>
  );
}
