import { api } from './client.ts';

/** Sign-in endpoints (identity module). */
export const AUTH = {
  login: (email: string, password: string) => api.post<unknown>('/api/auth/login', { email, password }),
  verifyTotp: (code: string) => api.post<unknown>('/api/auth/totp/verify', { code }),
  startEnrollment: () => api.post<TotpEnrollment>('/api/auth/totp/enroll', {}),
  confirmEnrollment: (code: string) => api.post<unknown>('/api/auth/totp/activate', { code }),
  logout: () => api.post<unknown>('/api/auth/logout', {}),
  oidcStart: (returnTo?: string) => `/api/auth/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
};

export interface TotpEnrollment {
  /** A data: URL of the QR code image. */
  qrDataUrl?: string;
  qr?: string;
  qrCode?: string;
  secret: string;
  otpauthUrl?: string;
  uri?: string;
}

export const qrOf = (e: TotpEnrollment) => e.qrDataUrl ?? e.qrCode ?? e.qr ?? null;
