/**
 * Realistic public comments for the benches, generated (no data set is shipped): questions and
 * thanks about City services, complaints, replies, links, emoji, some spam, insults, profanity
 * and threats in roughly the share a city's moderators see; 20 to ~600 characters. Deterministic
 * for a seed, so runs compare.
 */
const PLACES = ['Carson Street', 'Avalon Boulevard', 'Del Amo Park', 'the library on Carson St', 'Dominguez Channel', '223rd Street', 'Victoria Park', 'the community center', 'Main Street', 'Veterans Park', 'Scott Park', 'Wilmington Ave'];
const THINGS = ['the repaving', 'street sweeping', 'bulky item pickup', 'the farmers market', 'the pool hours', 'trash pickup', 'the new bike lane', 'tree trimming', 'the pothole', 'the streetlight', 'the detour', 'parking enforcement', 'the summer concerts', 'graffiti removal'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'this weekend', 'next week', 'tomorrow morning'];
const NAMES = ['Maria', 'James', 'Linh', 'Carlos', 'Aisha', 'Tom', 'Grace', 'Rafael', 'Keiko', 'Devon', 'Priya', 'Luis'];
const EMOJI = ['🙏', '👍', '😡', '🚧', '❤️', '😂', '🌳', '🚲', ''];

const NORMAL = [
  (r: R) => `When does ${r.pick(THINGS)} on ${r.pick(PLACES)} finish? I drive through there every ${r.pick(DAYS)}.`,
  (r: R) => `Thank you to the crews working on ${r.pick(PLACES)}, it looks great ${r.pick(EMOJI)}`,
  (r: R) => `Is ${r.pick(THINGS)} still happening ${r.pick(DAYS)}? The website says one thing and the sign says another.`,
  (r: R) => `@${r.pick(NAMES).toLowerCase()} did you see this? ${r.pick(THINGS)} moved to ${r.pick(DAYS)}.`,
  (r: R) => `The streetlight at ${r.pick(PLACES)} and ${r.pick(PLACES)} has been out for two weeks now. I reported it through the app (ticket ${r.int(10000, 99999)}) and nobody came. Can someone look at it before somebody gets hurt crossing at night? There are kids walking home from school there every day.`,
  (r: R) => `Great news! My family has lived near ${r.pick(PLACES)} for ${r.int(2, 40)} years and this is the first time ${r.pick(THINGS)} was done on time.`,
  (r: R) => `Why is ${r.pick(THINGS)} always on ${r.pick(DAYS)}? Some of us work. More info: https://ci.carson.ca.us/${r.pick(['streets', 'parks', 'services', 'calendar'])}`,
  (r: R) => `I have a question about ${r.pick(THINGS)}: who do I call? I tried (310) 830-7600 and waited ${r.int(5, 45)} minutes.`,
  (r: R) => `${r.pick(THINGS)} was supposed to be done ${r.pick(DAYS)} and it still isn't. This is the third time this year. The council keeps promising and nothing changes on ${r.pick(PLACES)}. I'll be at the next meeting to say this in person.`,
  (r: R) => `Love this ${r.pick(EMOJI)}${r.pick(EMOJI)}`,
  (r: R) => `Can you post the detour map? Google Maps still sends everyone down ${r.pick(PLACES)} and it's a mess every morning between 7 and 9. Also, are the bus stops moving during ${r.pick(THINGS)}? My mother takes the 246 to the clinic and she needs to know where to wait.`,
];
const BAD = [
  (r: R) => `BUY CHEAP WATCHES NOW at www.cheap-watchez${r.int(1, 99)}.biz!!! limited offer, click here`,
  (r: R) => `Make $${r.int(500, 5000)} a day from home!!! DM me or visit bit.ly/${r.word(7)}`,
  (r: R) => `The director is a liar and a thief, everyone on ${r.pick(PLACES)} knows it`,
  (r: R) => `this is such bullshit, fix ${r.pick(THINGS)} already you idiots`,
  (r: R) => `I will burn down city hall if ${r.pick(THINGS)} isn't fixed`,
  (r: R) => `Vote for ${r.pick(NAMES)} ${r.pick(['Smith', 'Garcia', 'Nguyen'])} for council on election day!`,
  (r: R) => `Call me at 310-555-${r.int(1000, 9999)}, my SSN is 123-45-${r.int(1000, 9999)} if you need it for the permit`,
];

class R {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    // xorshift32: fast, deterministic, good enough for picking templates.
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  word(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(97 + this.int(0, 25));
    return s;
  }
}

/** A generator of comment texts; about 1 in 12 is one moderators act on. */
export function commentTexts(seed = 42): () => string {
  const r = new R(seed);
  return () => {
    const t = r.next() < 1 / 12 ? r.pick(BAD)(r) : r.pick(NORMAL)(r);
    // Sometimes two sentences, as people write.
    return r.next() < 0.2 ? `${t} ${r.pick(NORMAL)(r)}` : t;
  };
}
