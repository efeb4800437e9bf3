import { AlertFilled } from '@ant-design/icons';
import { Button, Grid } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useIncidentText } from './i18n.js';
import './incidents.css';

/** The red button in the header, on every screen and for everyone: report an incident. */
export function ReportButton() {
  const it = useIncidentText();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const here = pathname === '/incidents/new';
  return (
    <Button
      type="primary"
      danger
      icon={<AlertFilled />}
      className="steady-report-button"
      data-testid="report-button"
      aria-label={it('report.button')}
      aria-current={here ? 'page' : undefined}
      onClick={() => navigate('/incidents/new')}
    >
      {screens.sm ? it('report.button') : it('report.buttonShort')}
    </Button>
  );
}
