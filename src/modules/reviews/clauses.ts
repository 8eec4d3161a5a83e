/** The clause ids of the loaded pack this module rests on (Carson's outline). */
export const C = {
  /** Be timely: regularly review the sites to ensure content is current, accurate and appropriate. */
  currency: 'IV.C.15(f)(iii)',
  /** Monitor advertisements and hyperlinks the City does not control. */
  adsLinks: 'IV.D.2',
  /** The City Manager and IT Manager oversee every platform. */
  oversight: 'IV.C.13',
} as const;
