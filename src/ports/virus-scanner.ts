import type { Readable } from 'node:stream';

/**
 * The VirusScanner port: every file is scanned before it can be posted (IV.C.15(i)(iii)).
 * The adapter in src/adapters/clamav speaks to ClamAV's clamd; main.ts wires it in when
 * CRIER_CLAMD_SOCKET or CRIER_CLAMD_HOST is set. Without one, uploads are refused (never
 * accepted unscanned).
 */
export type ScanResult =
  | { status: 'clean' }
  /** `signature` is the scanner's name for what it found, e.g. `Eicar-Test-Signature`. */
  | { status: 'infected'; signature: string }
  /** The scanner could not give a verdict (down, size limit, protocol error): treat as not scanned. */
  | { status: 'error'; message: string };

export interface VirusScanner {
  /** A short description for logs and errors, e.g. `clamd at /run/clamav/clamd.ctl`. */
  readonly description: string;
  /** Scans the bytes; never throws for a scanner failure (answers `error` instead). */
  scan(input: Buffer | Readable | AsyncIterable<Uint8Array>): Promise<ScanResult>;
  /** True when the scanner answers. */
  ping(): Promise<boolean>;
}
