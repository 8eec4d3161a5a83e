import { AppError, invalidInput } from '../../kernel/errors.ts';
import { C } from './clauses.ts';

const mb = (n: number) => (n >= 1024 * 1024 * 1024 ? `${(n / 1024 / 1024 / 1024).toFixed(1)} GB` : `${Math.round(n / 1024 / 1024)} MB`);

export const noScanner = () =>
  new AppError('unavailable', 'Uploads are refused: no virus scanner is configured. Every file must be scanned before it can be posted; the administrator sets CRIER_CLAMD_SOCKET (or CRIER_CLAMD_HOST and CRIER_CLAMD_PORT) to point at ClamAV\'s clamd.', { clauses: [C.antivirus] });

export const scanFailed = (message: string) =>
  new AppError('unavailable', `The file could not be scanned for viruses (${message}); it was not kept. Try again later or tell the IT Manager.`, { clauses: [C.antivirus] });

export const tooLarge = (what: string, limit: number, size?: number | null) =>
  invalidInput('body', `${what} is too large${size ? ` (${mb(size)})` : ''}: the limit is ${mb(limit)}`);

export const invalidFile = (message: string, clauses: string[] = []) => new AppError('invalid_input', message, { fields: [{ path: 'body', message }], clauses });

export const invalidField = (path: string, message: string, clauses: string[] = []) => new AppError('invalid_input', `${path}: ${message}`, { fields: [{ path, message }], clauses });
