import type { Abilities } from '../../api/types.ts';

/** Shapes of the vault API (src/modules/vault): metadata only, never a value except from a reveal. */
export type SecretKind = 'username' | 'password' | 'recovery_codes' | 'api_token';

export const KIND_LABELS: Record<SecretKind, string> = {
  username: 'Username',
  password: 'Password',
  recovery_codes: 'Recovery codes',
  api_token: 'API token',
};

export const kindLabel = (k: string) => KIND_LABELS[k as SecretKind] ?? k;

export interface CredentialView {
  id: string;
  platformId: string;
  kind: SecretKind;
  name: string;
  status: 'current' | 'superseded';
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string;
  supersededAt: string | null;
  expiresAt: string | null;
  expired: boolean;
  keyFingerprint: string | null;
  abilities: Abilities;
}

export interface PlatformCredentials {
  platform: { id: string; name: string; departmentId: string | null; departmentName: string | null; status: string };
  credentials: CredentialView[];
  administrators: { personId: string; personName: string | null; platformUserId: string | null; status: string; implicit: boolean }[];
  missing: SecretKind[];
  openRotations: number;
  abilities: Abilities;
}

export interface PlatformHoldings {
  platformId: string;
  platformName: string;
  departmentId: string | null;
  status: string;
  held: SecretKind[];
  lastSubmittedAt: string | null;
  expiringTokens: { name: string; expiresAt: string }[];
  openRotations: number;
}

export interface RotationTask {
  id: string;
  platformId: string;
  platformName: string | null;
  personId: string | null;
  personName: string | null;
  trigger: string;
  reason: string;
  status: 'open' | 'done';
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  completionNote: string | null;
  abilities?: Abilities;
}

export interface Revealed {
  secret: { id: string; platformId: string; kind: SecretKind; name: string; value: string | string[] };
  revealedAt: string;
  expiresAt: string;
}
