/**
 * IV.A.9 — City social media adheres to applicable federal, state and local regulations: the ADA
 * Title II web rule (WCAG 2.1 AA). Posts only: alt text on every image, meaningful alt text,
 * captions on video, CamelCase multi-word hashtags (screen readers), restrained emoji.
 */
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';
import { emojiCount, extractHashtags } from '../text.ts';

const MEANINGLESS = /^(?:image|img|photo|picture|pic|graphic|screenshot|screen shot|untitled|alt|alt text|logo|banner|flyer|dsc|dcim|img_?\d+|image\d*|photo\d*|\d+|\W+)$/i;
const FILENAME = /\.(?:jpe?g|png|gif|webp|heic|tiff?|bmp|svg)$/i;

export const accessibilityRule: Rule = {
  id: 'accessibility',
  clauses: { post: 'IV.A.9' },
  defaultSeverity: 'block',
  title: 'Accessibility: alt text, captions, CamelCase hashtags, emoji',
  check(ctx) {
    const hits: Hit[] = [];
    (ctx.post?.images ?? []).forEach((img, i) => {
      const alt = (img.altText ?? '').trim();
      if (!alt) {
        hits.push({ message: `image ${i + 1} has no alt text`, score: 1 });
      } else if (MEANINGLESS.test(alt) || FILENAME.test(alt) || (img.name && alt === img.name) || alt.split(/\s+/).length < 3) {
        hits.push({ message: `image ${i + 1}: alt text "${alt.slice(0, 40)}" does not describe the image`, score: 0.8, weak: alt.split(/\s+/).length >= 2 && !FILENAME.test(alt) && !MEANINGLESS.test(alt) });
      } else if (alt.length > 1000) {
        hits.push({ message: `image ${i + 1}: alt text is ${alt.length} characters; keep it concise`, score: 0.5, weak: true });
      }
    });
    (ctx.post?.videos ?? []).forEach((v, i) => {
      if (!v.captions) hits.push({ message: `video ${i + 1} has no captions`, score: 1 });
    });
    const tags = [...extractHashtags(ctx.text).map((h) => ({ tag: h.tag, start: h.start, end: h.end })), ...(ctx.post?.hashtags ?? []).map((t) => ({ tag: t.replace(/^#/, ''), start: -1, end: -1 }))];
    for (const h of tags) {
      const letters = h.tag.replace(/[^A-Za-z]/g, '');
      if (letters.length >= 10 && (letters === letters.toLowerCase() || letters === letters.toUpperCase())) {
        const hit: Hit = { message: `hashtag #${h.tag}: if it joins several words, capitalise each one (CamelCase, e.g. #CarsonCityEvents) so screen readers read the words`, score: 0.6, weak: true };
        if (h.start >= 0) Object.assign(hit, { start: h.start, end: h.end, raw: true });
        hits.push(hit);
      }
    }
    const emoji = emojiCount(ctx.text);
    if (emoji > ctx.config.maxEmoji) {
      hits.push({ message: `${emoji} emoji: screen readers read each one aloud; use at most ${ctx.config.maxEmoji}`, score: 0.6, weak: true });
    }
    return hits;
  },
};
