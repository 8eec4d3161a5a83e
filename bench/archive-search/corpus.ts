/**
 * Archive-like civic text for the search bench: residents' comments, City posts, publications and
 * moderation decisions about streets, parks, water, permits, meetings. Deterministic (seeded), with
 * a skewed word distribution so common words are common and names are rare.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STREETS = ['Avalon Boulevard', 'Carson Street', 'Main Street', 'Figueroa Street', 'Del Amo Boulevard', 'Wilmington Avenue', 'Sepulveda Boulevard', 'Victoria Street', 'Central Avenue', 'University Drive', 'Dominguez Street', 'Torrance Boulevard', 'Broadway', 'Alameda Street', 'Santa Fe Avenue', '223rd Street', 'Lomita Boulevard', 'Bonita Street', 'Leapwood Avenue', 'Orrick Avenue'];
export const TOPICS = ['pothole', 'water main', 'street sweeping', 'graffiti', 'streetlight', 'sidewalk repair', 'tree trimming', 'parking enforcement', 'noise complaint', 'trash pickup', 'bulky item pickup', 'storm drain', 'speed bump', 'crosswalk', 'traffic signal', 'homeless encampment', 'illegal dumping', 'park restroom', 'dog park', 'youth soccer', 'senior center', 'library hours', 'swimming pool', 'farmers market', 'budget hearing', 'council meeting', 'planning commission', 'building permit', 'business license', 'rent control', 'air quality', 'refinery flare', 'earthquake drill', 'heat advisory', 'cooling center', 'fireworks', 'holiday parade', 'recycling', 'water rates', 'sewer overflow'];
export const PARKS = ['Carson Park', 'Dolphin Park', 'Veterans Park', 'Calas Park', 'Hemingway Park', 'Anderson Park', 'Del Amo Park', 'Stevenson Park', 'Scott Park', 'Mills Park'];
const OPENERS = ['When will the City fix the', 'Thank you for fixing the', 'Is anyone going to look at the', 'Please do something about the', 'Great news about the', 'Still waiting on the', 'Who do I call about the', 'Reporting a problem with the', 'Any update on the', 'So glad to see the'];
const TAILS = ['near my house', 'by the school', 'next to the bus stop', 'in front of the market', 'for three weeks now', 'again this morning', 'since last month', 'on the corner', 'after the storm', 'before the weekend'];
const POSTS = ['Public Works crews will be working on the', 'The City Council will discuss the', 'Reminder: the', 'Join us this Saturday for the', 'Update on the', 'The City has completed the', 'Residents are invited to comment on the', 'Starting Monday, expect delays near the'];
const POST_TAILS = ['Please plan ahead and allow extra travel time.', 'Questions? Call 311 or visit the City website.', 'Thank you for your patience while we improve our community.', 'Public comment will be taken at the meeting.', 'Details and maps are posted on the City website.', 'Bring water, sunscreen and a neighbor.'];
const FIRST = ['Maria', 'James', 'Rosa', 'David', 'Linda', 'Jose', 'Patricia', 'Michael', 'Elena', 'Robert', 'Grace', 'Daniel', 'Ana', 'Kevin', 'Luz', 'Thomas', 'Mei', 'Anthony', 'Fatima', 'Brian'];
const LAST = ['Garcia', 'Nguyen', 'Santos', 'Kim', 'Johnson', 'Reyes', 'Tupou', 'Cruz', 'Williams', 'Lopez', 'Tanaka', 'Brown', 'Martinez', 'Okafor', 'Flores', 'Davis', 'Ramos', 'Lee', 'Fonoti', 'Hernandez'];
export const CLAUSES = ['IV.C.1', 'IV.C.2', 'IV.C.3', 'IV.C.4', 'IV.C.5', 'IV.C.6'];
export const DEPARTMENTS = ['dept-pw', 'dept-parks', 'dept-cm', 'dept-clerk', 'dept-planning', null] as const;
export const PLATFORMS = ['plat-fb', 'plat-x', 'plat-bsky', 'plat-ig', 'plat-nextdoor'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Skewed pick: low indexes far more often (a rough Zipf). */
const skewed = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(xs.length * r() * r())]!;

export interface BenchItem {
  kind: string;
  text: string;
  departmentId: string | null;
  platformId: string | null;
  metadata: Record<string, unknown>;
}

/** Commenters: a pool of 50,000 handles, a few very active. */
export const commenterHandle = (n: number) => `resident${n}.bsky.social`;
export const commenterName = (n: number) => `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;

export function makeItem(r: () => number, i: number, createdOnPlatformAt: string): BenchItem {
  const roll = r();
  const street = skewed(r, STREETS);
  const topic = skewed(r, TOPICS);
  const dept = pick(r, DEPARTMENTS);
  const platform = pick(r, PLATFORMS);
  const who = Math.floor(50_000 * r() * r());
  const author = { handle: commenterHandle(who), name: commenterName(who) };
  if (roll < 0.55) {
    const extra = r() < 0.5 ? ` Also the ${skewed(r, TOPICS)} at ${pick(r, PARKS)} needs attention.` : '';
    return { kind: 'comment', departmentId: dept, platformId: platform, text: `${pick(r, OPENERS)} ${topic} on ${street} ${pick(r, TAILS)}.${extra} Ticket ${100000 + (i % 900000)}.`, metadata: { author, createdOnPlatformAt, platformIds: { remoteId: `r${i}` } } };
  }
  if (roll < 0.7) {
    return { kind: 'comment_version', departmentId: dept, platformId: platform, text: `${r() < 0.3 ? '[deleted by the commenter] ' : ''}${pick(r, OPENERS)} ${topic} on ${street}, edited: ${pick(r, TAILS)}.`, metadata: { author, createdOnPlatformAt, change: r() < 0.3 ? 'deleted' : 'edited' } };
  }
  if (roll < 0.85) {
    const body = `${pick(r, POSTS)} ${topic} on ${street} and at ${pick(r, PARKS)}. ${pick(r, POST_TAILS)} ${pick(r, POSTS)} ${skewed(r, TOPICS)}. ${pick(r, POST_TAILS)}`;
    return { kind: 'post_version', departmentId: dept, platformId: null, text: body, metadata: { author: { personId: `person-${who % 40}`, name: commenterName(who % 40) }, version: 1 + (i % 3) } };
  }
  if (roll < 0.95) {
    return { kind: 'publication', departmentId: dept, platformId: platform, text: `${pick(r, POSTS)} ${topic} on ${street}. Published on ${platform}`, metadata: { status: r() < 0.1 ? 'removed' : 'published', createdOnPlatformAt } };
  }
  const clause = pick(r, CLAUSES);
  const decision = pick(r, ['hide', 'remove', 'restore', 'no_action']);
  return { kind: 'moderation_decision', departmentId: dept, platformId: platform, text: `${decision} by moderator (${clause}): comment about ${topic} on ${street} by ${author.name}`, metadata: { author, clauses: [clause], decision, reason: `off-topic or ${clause}`, createdOnPlatformAt } };
}
