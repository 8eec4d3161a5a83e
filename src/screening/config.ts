/**
 * Configuration screening needs from the policy pack. Pure data: the posts / comments modules
 * build it from the loaded pack; `carsonDefaults` mirrors Carson's Council Policy 01.01.04.
 */
import type { Severity } from './types.ts';

export interface PlatformLimit {
  /** How length is counted: X weighted (twitter-text), graphemes, or UTF-16-ish characters. */
  count: 'x-weighted' | 'graphemes' | 'characters';
  maxLength: number;
  maxHashtags?: number;
  /** Mastodon counts every URL as this many characters. */
  urlLength?: number;
}

export interface ScreeningConfig {
  /** "Carson" — used in messages and to recognise references to the City itself. */
  cityName: string;
  /** Registrable domains of the City's official web presence (IV.A.1, IV.A.4). */
  cityDomains: string[];
  /** Names of employees whose job duties include public contact: exempt from IV.D.7(a). */
  publicContactNames: string[];
  /** City phone numbers and e-mail addresses that may appear in posts (IV.C.8, IV.D.7(a)). */
  publicContactNumbers: string[];
  publicContactEmails: string[];
  /** Acronyms that need no expansion (IV.D.4). */
  acronymAllowList: string[];
  /** Default phone region for libphonenumber-js. */
  phoneRegion: string;
  platforms: Record<string, PlatformLimit>;
  /** Severity per rule id; 'off' disables a rule. Missing: the rule's default. */
  severity: Record<string, Severity | 'off'>;
  /** Classifier probability at or above which a finding is raised as block / advice. */
  thresholds: { block: number; advice: number };
  /** Topics the City has jurisdiction over (V.13), used as a hint for relatedness. */
  localTerms: string[];
  /** Max emoji before accessibility advice. */
  maxEmoji: number;
  /** The City's IANA time zone: the calendar day a post goes out on (IV.D.3). Missing: UTC. */
  timeZone?: string;
}

/**
 * Version of what modules/screening builds from a pack (screeningConfigFromPack): bump when that
 * changes, since `crier screen` caches the built configuration per pack under this number. It
 * lives here, not beside the builder, so the CLI can read it without loading the pack parser
 * (YAML and zod, ~1 MB of the screen bundle).
 */
export const SCREENING_CONFIG_VERSION = 2;

export const carsonDefaults: ScreeningConfig = {
  cityName: 'Carson',
  cityDomains: ['ci.carson.ca.us', 'carsonca.gov', 'carson.ca.us'],
  publicContactNames: [],
  publicContactNumbers: ['+1 310-830-7600'],
  publicContactEmails: [],
  acronymAllowList: [
    'USA', 'US', 'CA', 'LA', 'TV', 'AM', 'PM', 'OK', 'ID', 'FAQ', 'ADA', 'PDF', 'DMV', 'CPR',
    'COVID', 'EV', 'DIY', 'FYI', 'LAPD', 'LASD', 'LAFD', 'ASL', 'RSVP', 'YMCA', 'NFL', 'MLS',
    'II', 'III', 'IV', 'VI', 'CSULB', 'CSUDH', 'I',
  ],
  phoneRegion: 'US',
  platforms: {
    x: { count: 'x-weighted', maxLength: 280 },
    twitter: { count: 'x-weighted', maxLength: 280 },
    bluesky: { count: 'graphemes', maxLength: 300 },
    mastodon: { count: 'characters', maxLength: 500, urlLength: 23 },
    threads: { count: 'characters', maxLength: 500 },
    instagram: { count: 'characters', maxLength: 2200, maxHashtags: 30 },
    facebook: { count: 'characters', maxLength: 63206 },
    linkedin: { count: 'characters', maxLength: 3000 },
    youtube: { count: 'characters', maxLength: 5000 },
    nextdoor: { count: 'characters', maxLength: 8192 },
  },
  severity: {},
  thresholds: { block: 0.8, advice: 0.5 },
  localTerms: [
    'carson', 'city', 'council', 'park', 'parks', 'street', 'streets', 'road', 'pothole',
    'potholes', 'library', 'permit', 'trash', 'recycling', 'water', 'sewer', 'police', 'sheriff',
    'fire', 'traffic', 'parking', 'mayor', 'event', 'events', 'community', 'neighborhood',
    'resident', 'residents', 'school', 'housing', 'zoning', 'budget', 'tax', 'taxes',
  ],
  maxEmoji: 5,
  timeZone: 'America/Los_Angeles',
};

/** Merge a partial configuration over the Carson defaults (shallow, per key). */
export function makeConfig(partial: Partial<ScreeningConfig> = {}): ScreeningConfig {
  return {
    ...carsonDefaults,
    ...partial,
    platforms: { ...carsonDefaults.platforms, ...(partial.platforms ?? {}) },
    severity: { ...carsonDefaults.severity, ...(partial.severity ?? {}) },
    thresholds: { ...carsonDefaults.thresholds, ...(partial.thresholds ?? {}) },
  };
}
