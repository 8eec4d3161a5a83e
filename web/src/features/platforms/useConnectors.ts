import { useApi } from '../../api/useApi.ts';
import { listOf, type ConnectorType } from '../../api/types.ts';
import { PLATFORM_TYPES } from '../../components/format.ts';

/** The platform types the server's connector registry knows (GET /api/connectors), with a fallback list. */
export function useConnectors(): { types: ConnectorType[]; label: (type: string) => string } {
  const { data } = useApi<unknown>('/api/connectors');
  // A connector that cannot remove posts is listed but marked: such a platform can never be activated (IV.C.15(i)(vi)).
  const fromServer = listOf<ConnectorType & { usable?: boolean }>(data, 'connectors', 'types').map((c) =>
    c.usable === false ? { ...c, label: `${c.label} — cannot remove posts (IV.C.15(i)(vi))` } : c,
  );
  const types = fromServer.length > 0 ? fromServer : PLATFORM_TYPES.map((t) => ({ type: t.value, label: t.label }));
  const labels = new Map(types.map((t) => [t.type, t.label]));
  return { types, label: (type) => labels.get(type) ?? type };
}
