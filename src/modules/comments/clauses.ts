/** The clauses the comments module enforces (ids from the Carson pack). */
export const C = {
  commentsAuthorized: 'IV.A.6',
  brownAct: 'IV.B',
  retainRemoved: 'IV.C.11',
  commentPolicy: 'V',
} as const;

/** A hide or remove must cite one of these: Section V's grounds (V.1–V.15). */
export const isSectionVGround = (id: string) => /^V\.\d+$/.test(id);
