import { useApi } from '../../api/useApi.ts';
import { listOf, type ConnectorType } from '../../api/types.ts';
import { PLATFORM_TYPES } from '../../components/format.ts';

/** The platform types the server's connector registry knows (GET /api/connectors), with a fallback list. */
export function useConnectors(): { types: ConnectorType[]; label: (type: string) => string } {
  const { data } = useApi<unknown>('/api/connectors');
  const fromServer = listOf<ConnectorType>(data, 'connectors', 'types');
  const types = fromServer.length > 0 ? fromServer : PLATFORM_TYPES.map((t) => ({ type: t.value, label: t.label }));
  const labels = new Map(types.map((t) => [t.type, t.label]));
  return { types, label: (type) => labels.get(type) ?? type };
}
