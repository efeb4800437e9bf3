import { Grid } from 'antd';
import { unitsApi } from '../../api/endpoints.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useUnitToday } from '../../components/useUnitToday.js';
import { DutyTabs } from './DutyTabs.js';
import { FeedsCard } from './FeedsCard.js';
import { useDutyText } from './i18n.js';
import { ImportExportCard } from './ImportExportCard.js';
import { RotationsCard } from './RotationsCard.js';
import { useDutyUnit, useKeepsRosters } from './useDutyUnit.js';
import './duty.css';

/** Keeping the roster: rotations, the spreadsheet out and in, and the calendar feeds. */
export default function RosterToolsPage() {
  const dt = useDutyText();
  const phone = !Grid.useBreakpoint().md;
  const keeper = useKeepsRosters();
  const [unitId, setUnit] = useDutyUnit();
  const unit = useResource(() => (unitId ? unitsApi.get(unitId) : Promise.resolve(undefined)), [unitId]);
  const today = useUnitToday(unitId);
  return (
    <div data-testid="duty-roster-page">
      <PageTitle title={dt('roster.title')} />
      <DutyTabs />
      <div className="duty-toolbar-plain">
        <UnitPicker value={unitId} onChange={(id) => setUnit(id)} style={{ width: phone ? '100%' : 280 }} />
      </div>
      {unit.error || today.error ? (
        <LoadError error={unit.error ?? today.error} onRetry={() => (unit.reload(), today.reload())} />
      ) : null}
      {unit.data && today.data?.unitId === unit.data.id && (
        <div className="duty-tools">
          <ImportExportCard unitId={unit.data.id} today={today.data.today} keeper={keeper} />
          <RotationsCard unitId={unit.data.id} today={today.data.today} keeper={keeper} />
          <FeedsCard unitId={unit.data.id} unitName={unit.data.name} />
        </div>
      )}
    </div>
  );
}
