/**
 * /training/* — practice for everyone who may practise; cohorts for coaches. One lazily loaded
 * chunk for the whole area, so App.tsx needs one route for it.
 */
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../../auth/session';
import CohortPage from './CohortPage';
import Cohorts from './Cohorts';
import SimSession from './SimSession';
import Training from './Training';

export default function TrainingRoutes() {
  const { can } = useSession();
  const practise = can('training:practise');
  const coach = can('training:coach');
  return (
    <Routes>
      {practise && <Route index element={<Training />} />}
      {!practise && coach && <Route index element={<Navigate to="cohorts" replace />} />}
      <Route path="sessions/:id" element={<SimSession />} />
      {coach && <Route path="cohorts" element={<Cohorts />} />}
      {coach && <Route path="cohorts/:id" element={<CohortPage />} />}
      <Route path="*" element={<Navigate to="/training" replace />} />
    </Routes>
  );
}
