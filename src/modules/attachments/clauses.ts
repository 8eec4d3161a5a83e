/** The clause ids of the loaded pack this module rests on (Carson's outline). */
export const C = {
  /** Documents, videos and photos are scanned with anti-virus tools before they can be posted. */
  antivirus: 'IV.C.15(i)(iii)',
  /** Applicable law: the ADA Title II web rule (WCAG 2.1 AA) — alt text, captions. */
  accessibility: 'IV.A.9',
  /** Videos on third-party platforms are also posted to the City's website. */
  videoOnWebsite: 'IV.D.5',
  /** Permission for content the City does not fully create and own. */
  permission: 'IV.D.6(e)',
  /** Photos or images at public social events are removed. */
  publicEventPhotos: 'IV.D.7(b)',
  /** Unauthorized use of the City's logo or seal is removed. */
  sealOrLogo: 'IV.D.7(c)',
} as const;
