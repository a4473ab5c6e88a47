import { nameWithTitle } from '../names';

/** The leaders (executives) as `<option>`s, "name (title)", for every form that names one. */
export const LeaderOptions = ({
  leaders,
}: {
  leaders: { employees: { edges: { node: { id: string; name: string; title?: string | null } }[] } } | undefined;
}) =>
  (leaders?.employees.edges ?? []).map(({ node: l }) => (
    <option key={l.id} value={l.id}>
      {nameWithTitle(l)}
    </option>
  ));
