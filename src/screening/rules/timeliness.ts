/**
 * IV.D.3 — posts should be timely. Posts only, advice: a post that invites people to, or
 * announces, something on a date already past when it goes out ("Join us Saturday, November 1"
 * scheduled for November 28) — the usual slip of a reused draft or a late schedule. Reports of
 * what happened ("On November 1 the Council adopted …") are timely and pass: only a sentence
 * with an invitation or a future cue is read. Needs the post's date (written or scheduled);
 * without one the rule is silent rather than guess at "today".
 */
import * as chrono from 'chrono-node';
import { localParts } from '../../policy/zone.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';
import { instantOf, sentences } from '../text.ts';

/** Words that make a sentence an invitation or an announcement of something still to come. */
const UPCOMING =
  /\b(?:join us|join the|come (?:out|by|to|and|celebrate|meet)|don'?t miss|do not miss|save the date|register|registration|sign up|rsvp|apply by|deadline|due (?:by|on)|is due|are due|will (?:be|take|hold|host|open|close|start|begin|end|run|offer|feature|meet)|we'?ll|upcoming|coming up|is coming|are coming|get ready|mark your calendars?|reminder|starts|begins|opens|kicks? off|happening|see you|hope to see|bring (?:the|your)|free (?:admission|entry|event)|tickets|spots? (?:are )?(?:limited|available)|last chance|this (?:weekend|week|month)|tomorrow|tonight)\b/i;

const MAX_TEXT = 20_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Day { y: number; m: number; d: number }

const key = (x: Day): number => x.y * 10_000 + x.m * 100 + x.d;
const show = (x: Day): string => `${MONTHS[x.m - 1]} ${x.d}, ${x.y}`;

/**
 * The publication day in the City's time zone. chrono fills a date's missing parts from its
 * reference's local fields, so the reference is that calendar day at noon in the process's own
 * zone: the reading is the same on any server.
 */
/**
 * The publication day in the City's time zone. chrono fills a date's missing parts from its
 * reference's local fields, so the reference is that calendar day at noon in the process's own
 * zone: the reading is the same on any server.
 */
function publicationDay(instant: Date, timeZone: string | undefined): { day: Day; ref: Date } {
  let p: { year: number; month: number; day: number };
  try {
    p = localParts(timeZone ?? 'UTC', instant);
  } catch {
    p = localParts('UTC', instant); // an unknown zone in a hand-made configuration
  }
  const day = { y: p.year, m: p.month, d: p.day };
  return { day, ref: new Date(day.y, day.m - 1, day.d, 12) };
}

function dayOf(c: chrono.ParsedComponents): Day {
  return { y: c.get('year') ?? 0, m: c.get('month') ?? 0, d: c.get('day') ?? 0 };
}

export const timelinessRule: Rule = {
  id: 'timeliness',
  clauses: { post: 'IV.D.3' },
  defaultSeverity: 'advice',
  title: 'Timely: no invitations to dates already past',
  check(ctx) {
    const instant = instantOf(ctx.post?.date);
    if (!instant) return [];
    const text = ctx.text.length > MAX_TEXT ? ctx.text.slice(0, MAX_TEXT) : ctx.text;
    const { day: today, ref } = publicationDay(instant, ctx.config.timeZone);
    const hits: Hit[] = [];
    for (const s of sentences(text)) {
      if (!UPCOMING.test(s.text)) continue;
      let found: chrono.ParsedResult[];
      try {
        found = chrono.parse(s.text, ref);
      } catch {
        continue;
      }
      for (const r of found) {
        // Only a date written out (month and day): "Saturday" or "tomorrow" is read from the
        // publication day itself and so can never be past.
        if (!r.start.isCertain('month') || !r.start.isCertain('day')) continue;
        const last = dayOf(r.end ?? r.start);
        if (key(last) >= key(today)) continue;
        const start = s.start + r.index;
        hits.push({
          message: `"${r.text}" (${show(last)}) is already past when this post goes out on ${show(today)}: check the date, or say the event has happened`,
          score: 0.7,
          start,
          end: start + r.text.length,
          raw: true,
        });
        if (hits.length >= 3) return hits;
      }
    }
    return hits;
  },
};
