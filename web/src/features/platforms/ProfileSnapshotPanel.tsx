import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { Platform } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';

interface Snapshot {
  archiveItemId: string;
  capturedAt: string;
  differences: { field: string; registry: string | null; platform: string | null }[];
}

const canRead = (p: Platform) => {
  const caps = p.connector?.capabilities;
  return Array.isArray(caps) ? caps.includes('readProfile') : caps?.readProfile === true;
};

/** Reads the live profile through the connector and archives it (IV.A.13), naming where it differs from the registry. */
export function ProfileSnapshotPanel({ platform }: { platform: Platform }) {
  const [s, setSnapshot] = useState<Snapshot | null>(null);
  const read = useMutation(() => api.post<{ snapshot: Snapshot }>(`/api/platforms/${encodeURIComponent(platform.id)}/profile/refresh`));
  if (!canRead(platform)) return <p>This platform’s connector cannot read its profile; profile edits made here are archived as they are saved.</p>;
  return (
    <>
      <p>Profile edits made here are archived as they are saved. A change made on the platform itself is archived when the profile is read from the platform.</p>
      <ErrorAlert error={read.error} />
      <button type="button" className="usa-button usa-button--outline" disabled={read.pending} onClick={() => void read.run().then((r) => r && setSnapshot(r.snapshot))}>
        Read and archive the profile from the platform
      </button>
      {s && (
        <div role="status" data-testid="profile-snapshot">
          <p>Archived {formatDateTime(s.capturedAt)}.</p>
          {s.differences.length === 0 ? (
            <p>The platform shows what the registry records.</p>
          ) : (
            <ul>
              {s.differences.map((d) => (
                <li key={d.field}>
                  {d.field}: the registry says “{d.registry}”, the platform shows “{d.platform}”
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
