import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { commentRecord, commentVersionRecord, type CommentFields, type VersionFields, type VersionOwner } from '../../src/modules/archive/comment-records.ts';

// Comment records carry their metadata's canonical JSON written by hand (comment-records.ts), which
// capture stores instead of serializing the metadata again: it must be exactly canonicalJson of the
// metadata the record also carries (that value is what capture checks and search indexes).
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '"quoted" \\ back', 'line\nbreak', '😀 Élodie', '\u2028', '</script>'));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null), fc.constant(undefined));

const comment: fc.Arbitrary<CommentFields> = fc.record({
  id: text,
  platform_id: text,
  remote_id: text,
  url: maybe(text),
  post_remote_id: text,
  parent_remote_id: maybe(text),
  author_handle: maybe(text),
  author_name: maybe(text),
  created_on_platform_at: text,
  source: text,
  post_id: maybe(text),
  version: fc.integer({ min: 1, max: 1_000_000 }),
  deleted_on_platform_at: maybe(text),
  legislative_person_id: maybe(text),
  text,
}) as fc.Arbitrary<CommentFields>;

const version: fc.Arbitrary<VersionFields> = fc.record({
  id: text,
  comment_id: text,
  version: fc.integer({ min: 1, max: 1_000_000 }),
  kind: fc.constantFrom('created', 'edited', 'deleted'),
  text,
  native: fc.constant('{"id":"x"}'),
  at_on_platform: maybe(text),
  captured_at: text,
  sha256: text,
}) as fc.Arbitrary<VersionFields>;

const owner: fc.Arbitrary<VersionOwner> = fc.record({ platform_id: text, remote_id: text, author_handle: maybe(text), author_name: maybe(text), created_on_platform_at: text }) as fc.Arbitrary<VersionOwner>;

describe('[IV.A.13] comment records: the metadata JSON written by hand is canonicalJson of the metadata', () => {
  it('for a comment as first captured', () => {
    fc.assert(
      fc.property(comment, (c) => {
        const r = commentRecord(c, '{"id":"x"}', null);
        expect(r.metadataJson).toBe(canonicalJson(r.metadata));
      }),
      { numRuns: 2_000 },
    );
  });

  it('for an edit or a deletion', () => {
    fc.assert(
      fc.property(version, owner, (v, c) => {
        const r = commentVersionRecord(v, c, 'dept');
        expect(r.metadataJson).toBe(canonicalJson(r.metadata));
      }),
      { numRuns: 2_000 },
    );
  });

  it('for the fields as ingest and the database give them', () => {
    const c: CommentFields = { id: 'c1', platform_id: 'p1', remote_id: 'r1', url: null, post_remote_id: 'at://x/post', parent_remote_id: null, author_handle: 'resident.bsky.social', author_name: 'A Resident', created_on_platform_at: '2026-11-19T17:00:00Z', source: 'poll', post_id: null, version: 1, deleted_on_platform_at: null, legislative_person_id: null, text: 'Hello' };
    const r = commentRecord(c, null, null);
    expect(r.metadataJson).toBe(
      '{"author":{"handle":"resident.bsky.social","name":"A Resident"},"capturedBy":"Crier (poll)","createdOnPlatformAt":"2026-11-19T17:00:00Z","deletedAt":null,"legislativePersonId":null,"parentIds":{"post":null},"platformIds":{"parentRemoteId":null,"postRemoteId":"at://x/post","remoteId":"r1","url":null},"version":1}',
    );
  });
});
