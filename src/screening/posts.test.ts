import { describe, expect, it } from 'vitest';
import { makeConfig } from './config.ts';
import { screenPost } from './engine.ts';
import type { PostInput } from './rule.ts';

const LINK = ' Details: https://ci.carson.ca.us/events';
const clean: PostInput = {
  text: 'The Spring Egg Hunt is on Saturday, March 14 at 10 a.m. at Carson Park. Free for children 12 and under.' + LINK,
  platform: 'x',
  images: [{ altText: 'Children with baskets searching for eggs on the grass at Carson Park', publicSocialEvent: false }],
};
const find = (post: PostInput, clause: string) => screenPost(post).filter((f) => f.clause === clause);

describe('post screening', () => {
  it('a clean, linked, accessible post has no blocking findings', () => {
    expect(screenPost(clean).filter((f) => f.severity === 'block')).toEqual([]);
  });
  it('[IV.D.7(a)] personal information blocks; public-contact names and City numbers do not', () => {
    expect(find({ text: 'Questions? Call Maria at 310-555-0142 or maria.g@gmail.com' + LINK }, 'IV.D.7(a)').map((f) => f.span?.text)).toEqual(['maria.g@gmail.com', '310-555-0142']);
    expect(find({ text: 'Questions? Call City Hall at (310) 830-7600.' + LINK }, 'IV.D.7(a)')).toEqual([]);
    const config = makeConfig({ publicContactNames: ['Jane Doe'] });
    expect(screenPost({ text: 'Jane Doe home address is on file.' + LINK }, config).filter((f) => f.clause === 'IV.D.7(a)')).toEqual([]);
    expect(find({ text: 'John Smith lives at 123 Elm Street.' + LINK }, 'IV.D.7(a)').map((f) => f.severity)).toContain('block');
  });
  it('[IV.D.7(b)] photos need the public-social-event attestation; a photo at one blocks', () => {
    expect(find({ ...clean, images: [{ altText: 'Crowd dancing at the summer concert in the park', publicSocialEvent: true }] }, 'IV.D.7(b)').map((f) => f.severity)).toEqual(['block']);
    expect(find({ ...clean, images: [{ altText: 'Crowd dancing at the summer concert in the park' }] }, 'IV.D.7(b)').map((f) => f.severity)).toEqual(['advice']);
  });
  it('[IV.D.7(c)] the City seal needs a recorded authorization', () => {
    const img = { altText: 'The City of Carson seal on the council chamber wall', publicSocialEvent: false, showsCitySeal: true };
    expect(find({ ...clean, images: [img] }, 'IV.D.7(c)').map((f) => f.severity)).toContain('block');
    expect(find({ ...clean, images: [{ ...img, sealAuthorization: 'CM memo 2026-14' }] }, 'IV.D.7(c)').filter((f) => f.severity === 'block')).toEqual([]);
  });
  it('[IV.D.7(d)] discrimination in a post blocks', () => {
    expect(find({ text: 'Immigrants are vermin.' + LINK }, 'IV.D.7(d)').length).toBeGreaterThan(0);
  });
  it('[IV.D.7(e)] sexual content and links to it block', () => {
    expect(find({ text: 'Check out these nudes' + LINK }, 'IV.D.7(e)').length).toBeGreaterThan(0);
    expect(find({ text: 'See https://www.pornhub.com/x' + LINK }, 'IV.D.7(e)').map((f) => f.span?.text)).toContain('https://www.pornhub.com/x');
  });
  it('[IV.D.7(f)] commercial solicitation blocks', () => {
    expect(find({ text: 'Buy now! 20% off at Joe\'s Tacos with promo code CARSON.' + LINK }, 'IV.D.7(f)').length).toBeGreaterThan(0);
  });
  it('[IV.D.7(g)] encouraging illegal activity blocks', () => {
    expect(find({ text: "Let's loot the mall after the parade." + LINK }, 'IV.D.7(g)').length).toBeGreaterThan(0);
  });
  it('[IV.D.7(h)] credentials and security details in a post block', () => {
    expect(find({ text: 'Volunteers: the gate code is 4455.' + LINK }, 'IV.D.7(h)').map((f) => f.severity)).toContain('block');
  });
  it('[IV.D.7(i)] [IV.D.6(e)] third-party content needs a permission record', () => {
    expect(find({ ...clean, images: [{ ...clean.images![0]!, ownedByCity: false }] }, 'IV.D.6(e)').map((f) => f.severity)).toEqual(['block']);
    expect(find({ ...clean, images: [{ ...clean.images![0]!, ownedByCity: false, permission: 'license #88' }] }, 'IV.D.6(e)')).toEqual([]);
  });
  it('[IV.D.7(j)] campaign content blocks; neutral election information is advice', () => {
    expect(find({ text: 'Vote YES on Measure K on November 3!' + LINK }, 'IV.D.7(j)').map((f) => f.severity)).toContain('block');
    expect(find({ text: 'Vote centers open at 7 a.m. for the election. Find yours online.' + LINK }, 'IV.D.7(j)').every((f) => f.severity === 'advice')).toBe(true);
  });
  it('[IV.D.6(c)] confidential or internal markers block', () => {
    expect(find({ text: 'CONFIDENTIAL - internal use only: draft budget numbers.' + LINK }, 'IV.D.6(c)').map((f) => f.severity)).toContain('block');
  });
  it('[IV.C.15(f)(iv)] a document marked internal to the City blocks, citing the internal-material clause', () => {
    const f = screenPost({ text: 'DRAFT - NOT FOR RELEASE. Internal use only: proposed fee schedule for the pool.' + LINK });
    expect(f.filter((x) => x.clause === 'IV.C.15(f)(iv)').map((x) => x.severity)).toContain('block');
    expect(f.some((x) => x.clause === 'IV.D.6(c)')).toBe(false);
    expect(find({ text: 'The new pool opens for internal combustion engine safety classes in June.' + LINK }, 'IV.C.15(f)(iv)')).toEqual([]);
  });
  it('[IV.C.15(f)] a post that speaks for the employee and leaks an internal draft is flagged under each duty it breaks', () => {
    const f = screenPost({ text: 'Honestly I think the council got this one wrong. For internal review: draft budget figures attached.' + LINK });
    expect(f.map((x) => x.clause)).toEqual(expect.arrayContaining(['IV.C.15(f)(i)', 'IV.C.15(f)(iv)']));
  });
  it('[IV.C.15(f)(i)] personal comments are advice', () => {
    const f = find({ text: 'I personally think this is the best park lol.' + LINK }, 'IV.C.15(f)(i)');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'advice')).toBe(true);
  });
  it('[IV.A.4] a post without a link to a City domain gets advice; a City link or an emergency post does not', () => {
    expect(find({ text: 'Pool hours change next week.' }, 'IV.A.4').map((f) => f.severity)).toEqual(['advice']);
    expect(find({ text: 'Pool hours change next week: carsonca.gov/pools' }, 'IV.A.4')).toEqual([]);
    expect(find({ text: 'Pool hours change next week: https://www.ci.carson.ca.us/pools' }, 'IV.A.4')).toEqual([]);
    expect(find({ text: 'Pool hours change next week: https://carson.example.com/pools' }, 'IV.A.4').length).toBe(1);
    expect(find({ text: 'Evacuate the area near Dominguez Channel now.', emergency: true }, 'IV.A.4')).toEqual([]);
  });
  it('[IV.A.8] platform length limits: X weighted, Bluesky graphemes, Mastodon URLs as 23, Instagram hashtags, LinkedIn', () => {
    const lengthFindings = (text: string, platform: string) => screenPost({ text, platform }).filter((f) => f.ruleId === 'platform-length');
    expect(lengthFindings('a'.repeat(280), 'x')).toEqual([]);
    expect(lengthFindings('a'.repeat(281), 'x')).toHaveLength(1);
    expect(lengthFindings('日'.repeat(141), 'x')).toHaveLength(1); // CJK weighs 2 on X
    expect(lengthFindings('👨‍👩‍👧‍👦'.repeat(300), 'bluesky')).toEqual([]); // 300 graphemes
    expect(lengthFindings('a'.repeat(301), 'bluesky')).toHaveLength(1);
    expect(lengthFindings('a'.repeat(470) + ' https://ci.carson.ca.us/' + 'x'.repeat(200), 'mastodon')).toEqual([]);
    expect(lengthFindings(Array.from({ length: 31 }, (_, i) => `#Tag${i}`).join(' '), 'instagram')).toHaveLength(1);
    expect(lengthFindings('a'.repeat(3001), 'linkedin')).toHaveLength(1);
    expect(lengthFindings('a'.repeat(5000), 'facebook')).toEqual([]);
  });
  it('[IV.A.9] accessibility: alt text present and meaningful, captions, CamelCase hashtags, emoji', () => {
    const acc = (p: PostInput) => screenPost(p).filter((f) => f.clause === 'IV.A.9').map((f) => [f.severity, f.message.slice(0, 24)]);
    expect(acc({ ...clean, images: [{ publicSocialEvent: false }] })).toEqual([['block', 'image 1 has no alt text']]);
    expect(acc({ ...clean, images: [{ altText: 'IMG_2041.jpg', publicSocialEvent: false }] })[0]![0]).toBe('block');
    expect(acc({ ...clean, videos: [{ captions: false }] })).toEqual([['block', 'video 1 has no captions']]);
    expect(acc({ ...clean, text: clean.text + ' #carsoncityevents' }).map((x) => x[0])).toEqual(['advice']);
    expect(acc({ ...clean, text: clean.text + ' #CarsonCityEvents' })).toEqual([]);
    expect(acc({ ...clean, text: clean.text + ' 🎉🎉🎉🎉🎉🎉🎉' }).map((x) => x[0])).toEqual(['advice']);
  });
  it('[IV.D.4] acronyms not on the allow-list and jargon are advice; defined acronyms pass', () => {
    const f = find({ text: 'Apply for CDBG funds. We will utilize the ADA portal.' + LINK }, 'IV.D.4').map((x) => x.span?.text);
    expect(f).toEqual(expect.arrayContaining(['CDBG', 'utilize']));
    expect(f).not.toContain('ADA');
    expect(find({ text: 'Apply for Community Development Block Grant (CDBG) funds.' + LINK }, 'IV.D.4').map((x) => x.span?.text)).not.toContain('CDBG');
  });
  it('[III.H] long sentences get clarity advice', () => {
    const long = 'The City of Carson is pleased to announce that ' + 'residents and visitors and businesses '.repeat(8) + 'may attend.';
    expect(find({ text: long + LINK }, 'III.H').map((f) => f.severity)).toContain('advice');
  });
  it('config severity overrides a rule; "off" disables it', () => {
    const text = 'Pool hours change next week.';
    expect(screenPost({ text }, makeConfig({ severity: { 'link-back': 'block' } })).find((f) => f.clause === 'IV.A.4')?.severity).toBe('block');
    expect(screenPost({ text }, makeConfig({ severity: { 'link-back': 'off' } })).find((f) => f.clause === 'IV.A.4')).toBeUndefined();
  });
});

describe('[IV.D.3] timely posts', () => {
  const nov28 = new Date('2026-11-28T17:00:00Z');
  const timely = (text: string, date: Date | string = nov28) => screenPost({ text: text + LINK, date }).filter((f) => f.clause === 'IV.D.3');

  it('[IV.D.3] an invitation to a date already past when the post goes out is advice, naming the date', () => {
    const f = timely('Join us at Carson Park on Saturday, November 1 at 10 a.m. for the Fall Festival!');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('advice');
    expect(f[0]!.message).toContain('November 1, 2026');
    expect(f[0]!.message).toContain('November 28, 2026');
    expect(f[0]!.span?.text).toMatch(/November 1/);
  });
  it('[IV.D.3] the same invitation scheduled before the date, or for an event still running, passes', () => {
    expect(timely('Join us at Carson Park on Saturday, November 1 at 10 a.m. for the Fall Festival!', '2026-10-20T17:00:00Z')).toEqual([]);
    expect(timely('The holiday lights display is open nightly, November 20 – January 3. Come out and see it!')).toEqual([]);
    expect(timely('Join us on December 5 for the tree lighting.')).toEqual([]);
  });
  it('[IV.D.3] a report of what already happened is timely', () => {
    expect(timely('On November 1 the City Council adopted the budget. Read it online.')).toEqual([]);
    expect(timely('Thank you to everyone who came to the Fall Festival on November 1!')).toEqual([]);
  });
  it('[IV.D.3] reads the publication day in the City\'s time zone, not the server\'s', () => {
    // 05:30 UTC on November 2 is still the evening of November 1 in Carson
    expect(timely('Join us tonight, November 1, for the late skate at the ice rink.', '2026-11-02T05:30:00Z')).toEqual([]);
    expect(timely('Join us tonight, November 1, for the late skate at the ice rink.', '2026-11-02T09:30:00Z')).toHaveLength(1);
  });
  it('[IV.D.3] says nothing without the post\'s date, and follows the pack\'s time zone', () => {
    expect(screenPost({ text: 'Join us at Carson Park on Saturday, November 1 for the Fall Festival!' + LINK }).some((x) => x.clause === 'IV.D.3')).toBe(false);
    const chicago = makeConfig({ timeZone: 'America/Chicago' });
    // 06:30 UTC on November 2: past midnight in Chicago, still November 1 in Carson
    const text = 'Join us tonight, November 1, for the late skate.' + LINK;
    expect(screenPost({ text, date: '2026-11-02T06:30:00Z' }, chicago).some((x) => x.clause === 'IV.D.3')).toBe(true);
    expect(screenPost({ text, date: '2026-11-02T06:30:00Z' }).some((x) => x.clause === 'IV.D.3')).toBe(false);
  });
});
