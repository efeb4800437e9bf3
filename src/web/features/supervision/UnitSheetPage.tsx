import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.js';
import { useSupervisionText } from './i18n.js';
import { UnitSheetView } from './UnitSheetView.js';

/** /assessment/:sheetId/units/:unitId — one unit's sheet, opened from the ranking. */
export default function UnitSheetPage() {
  const st = useSupervisionText();
  const { sheetId = '', unitId = '' } = useParams();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle
        title={st('assessment.mySheet')}
        extra={<Button onClick={() => navigate(`/assessment?sheet=${sheetId}`)}>{st('assessment.title')}</Button>}
      />
      <UnitSheetView sheetId={sheetId} unitId={unitId} />
    </>
  );
}
