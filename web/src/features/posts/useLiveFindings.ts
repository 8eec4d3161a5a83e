import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { POSTS } from './api.ts';
import type { Finding } from './types.ts';

export interface LiveTarget {
  platformId: string;
  platformName: string;
  platformType: string;
  /** The platform's own text, or null to use the body. */
  text: string | null;
}

/** A finding from the editor's screening, with the platforms it applies to (none = every platform). */
export type LiveFinding = Finding & { platformNames?: string[] };

const DEBOUNCE_MS = 250;
const key = (f: Finding) => `${f.ruleId}|${f.clause}|${f.message}`;

/**
 * Screens the draft as the author types (POST /api/screening/post, debounced): the body once for
 * what holds everywhere plus each chosen platform type's limits, and each platform's own text
 * separately when it has one. Answers that arrive after a newer request are dropped.
 */
export function useLiveFindings(body: string, targets: LiveTarget[], emergency: boolean, scheduledFor = '') {
  const [findings, setFindings] = useState<LiveFinding[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const seq = useRef(0);
  const signature = JSON.stringify([body, targets.map((t) => [t.platformId, t.platformType, t.text]), emergency, scheduledFor]);

  useEffect(() => {
    const n = ++seq.current;
    if (!body.trim() && targets.every((t) => !t.text?.trim())) {
      setFindings([]);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      void screenAll(body, targets, emergency, scheduledFor)
        .then((f) => {
          if (n !== seq.current) return;
          setFindings(f);
          setError(undefined);
        })
        .catch((e: unknown) => {
          if (n !== seq.current) return;
          setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
        })
        .finally(() => {
          if (n === seq.current) setPending(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The signature stands for body, targets, emergency and the schedule (targets is a new array each render).
  }, [signature]);

  return { findings, pending, error };
}

async function screenAll(body: string, targets: LiveTarget[], emergency: boolean, scheduledFor: string): Promise<LiveFinding[]> {
  const onBody = targets.filter((t) => !t.text?.trim());
  const own = targets.filter((t) => t.text?.trim());
  const out = new Map<string, LiveFinding>();
  const add = (f: Finding, names?: string[]) => {
    const k = key(f);
    const seen = out.get(k);
    if (!seen) out.set(k, names ? { ...f, platformNames: names } : f);
    else if (seen.platformNames && names) seen.platformNames = [...new Set([...seen.platformNames, ...names])];
    else if (seen.platformNames && !names) delete seen.platformNames;
  };

  const jobs: Promise<void>[] = [];
  if (body.trim() && (onBody.length > 0 || targets.length === 0)) {
    jobs.push(
      POSTS.screen(body, [...new Set(onBody.map((t) => t.platformType))], emergency, scheduledFor).then((r) => {
        // Whole-post findings apply to every platform using the body; with overrides elsewhere they are named.
        const names = own.length ? onBody.map((t) => t.platformName) : undefined;
        for (const f of r.findings) add(f, names);
        for (const [type, list] of Object.entries(r.byPlatform)) {
          const ofType = onBody.filter((t) => t.platformType === type).map((t) => t.platformName);
          for (const f of list) add(f, ofType);
        }
      }),
    );
  }
  for (const t of own) {
    jobs.push(
      POSTS.screen(t.text!, [t.platformType], emergency, scheduledFor).then((r) => {
        for (const f of [...r.findings, ...(r.byPlatform[t.platformType] ?? [])]) add(f, [t.platformName]);
      }),
    );
  }
  await Promise.all(jobs);
  return [...out.values()];
}
