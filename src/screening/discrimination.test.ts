import { describe, expect, it } from 'vitest';
import { screenComment } from './engine.ts';

const v2 = (text: string): string[] => screenComment(text).filter((f) => f.clause === 'V.2').map((f) => f.severity);

describe('[V.2] discrimination: hate against protected groups is blocked', () => {
  const hateful = [
    'I hate women.',
    'I really can\'t stand trans people',
    'Muslims are disgusting.',
    'Immigrants are vermin and parasites',
    'Black people belong in a zoo',
    'Gay people should all be killed',
    'All disabled people deserve to die',
    "I'm going to kill all immigrants",
    'Fuck all Muslims',
    'Women are not human',
    'Why are women so stupid?',
    'I think Muslims are a cancer on society',
    'I met some immigrants yesterday. They are scum.',
    'Trans people don\'t belong here',
    'Women shouldn\'t be allowed to vote',
    // evasions
    'I hate wmoen',
    'Women are disgustnig',
    'W o m e n are vermin',
    'Gay people are d1sgusting',
    'Mus\u200blims are vermin',
  ];
  for (const text of hateful) {
    it(`[V.2] "${text}" is blocked`, () => {
      expect(v2(text)).toContain('block');
    });
  }
});

describe('[V.2] discrimination: identity terms, negation and counter-speech are not blocked', () => {
  const fine = [
    'I am a gay veteran and I support the new park',
    "I don't hate women",
    'Muslims are not disgusting',
    '"Immigrants are scum" is a bigoted thing to say',
    'Saying that gay people are vermin shows how ignorant you are',
    'I love women',
    'Muslims are great',
    'I am a trans woman',
    'We are a group of disabled people',
    'Disabled people are not a burden',
    'Immigrants are our neighbors and make this city great',
    'The seniors are sick of potholes',
    'Women deserve equal pay',
    'Black veterans and their families are welcome at the memorial',
    'I hate spiders',
    'Conservatives are scum',
    'Black people are not only important to this city, they built it',
  ];
  for (const text of fine) {
    it(`[V.2] "${text}" is not blocked`, () => {
      expect(v2(text)).not.toContain('block');
    });
  }
});
