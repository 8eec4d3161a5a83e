/** What kinds of file a post may carry; 'other' is only ever a quarantined upload of another type. */
export type AttachmentKind = 'image' | 'video' | 'pdf' | 'captions';
export type StoredKind = AttachmentKind | 'other';
export type AttachmentStatus = 'clean' | 'quarantined';

export interface Issue {
  clause: string;
  message: string;
}

/** IV.D.6(e): who gave the City permission to post content it does not own, when, and for what. */
export interface Permission {
  grantedBy: string;
  /** YYYY-MM-DD */
  grantedOn: string;
  scope: string;
  reference: string | null;
}

/** Where a video's captions are (IV.A.9): in the video itself, or in a caption file attachment. */
export type Captions = { kind: 'embedded'; note: string } | { kind: 'file'; fileId: string };

export interface AttachmentView {
  id: string;
  kind: StoredKind;
  mimeType: string;
  filename: string;
  sizeBytes: number;
  status: AttachmentStatus;
  /** The scanner's name for what it found (quarantined only). */
  signature: string | null;
  scannedAt: string;
  width: number | null;
  height: number | null;
  departmentId: string | null;
  uploadedBy: string | null;
  uploadedAt: string;
  altText: string | null;
  captions: Captions | null;
  cityWebsiteUrl: string | null;
  photoAttestation: { atPublicSocialEvent: boolean; attestedBy: string | null; attestedAt: string | null } | null;
  ownership: 'city' | 'third_party' | null;
  permission: Permission | null;
  usesCitySeal: boolean | null;
  sealAuthorization: string | null;
  /** Every requirement not yet met before this file can be posted, each with its clause. */
  issues: Issue[];
}

/** For posts: each attachment as it stands, with every unmet requirement (each cites its clause). */
export interface AttachmentForPost {
  id: string;
  /** 'other' only for a quarantined upload that was not an allowed type (it always carries an issue). */
  kind: AttachmentKind | 'other';
  mimeType: string;
  filename: string;
  /** Absolute path of the clean, stripped file; '' when quarantined (never served). */
  path: string;
  altText: string | null;
  status: AttachmentStatus;
  issues: Issue[];
}

/** A describe (PATCH): fields left out stay as they are; null clears. */
export interface DescribeInput {
  altText?: string | null;
  captions?: Captions | null;
  cityWebsiteUrl?: string | null;
  photoAttestation?: { atPublicSocialEvent: boolean } | null;
  ownership?: 'city' | 'third_party' | null;
  permission?: { grantedBy: string; grantedOn: string; scope: string; reference?: string | null } | null;
  usesCitySeal?: boolean | null;
  sealAuthorization?: string | null;
}

export interface UploadInput {
  /** The name the uploader gave; only its base name is kept, and its extension follows the detected type. */
  filename: string;
  /** Declared Content-Length, when given: used to refuse an oversized upload before reading it. */
  contentLength: number | null;
  /** The bytes, or null when the request carried no file (e.g. a JSON body). */
  body: AsyncIterable<Uint8Array> | null;
}
