import { describe, expect, it } from 'vitest';
import { screenComment } from './engine.ts';
import { contextModel } from './model/v2-context-model.ts';
import { normalize, tokenize } from './normalize.ts';
import { resolveWords } from './rules/discrimination.ts';
import { contextFeatures, contextScore, loadContextModel } from './rules/discrimination/context.ts';
import { mayBlockAlone } from './rules/discrimination/context-gate.ts';

const v2 = (text: string): string[] => screenComment(text).filter((f) => f.clause === 'V.2').map((f) => f.severity);
const resolved = (text: string) => resolveWords(tokenize(normalize(text).text));

describe('[V.2] the context model: what is said around a group, where the grammar has no pattern', () => {
  it('[V.2] blocks insinuation and set-ups about a group that name no insult', () => {
    for (const text of [
      'Funny how the break-ins started the same month the refugee families moved onto Cedar Street. Not saying anything, just noticing what everyone else is too scared to say.',
      'The new rec center director is in a wheelchair. Can\'t wait to see how the summer camp hikes go this year, lol, guess the kids will be pushing her around.',
      'Another grant for the LGBT youth center. Our tax dollars funding a recruitment office for those people, right next to an elementary school. Think about that.',
    ]) {
      expect(v2(text), text).toContain('block');
      expect(screenComment(text).find((f) => f.clause === 'V.2')!.message, text).toMatch(/context model, p=[01]\.\d\d/);
    }
  });

  it('[V.2] lets the same groups and topics pass when what is said of them is kind, personal or a report of hate', () => {
    for (const text of [
      'The refugee families who moved onto Cedar Street last spring have been wonderful neighbours; the kids run a lemonade stand every Saturday and the parents helped clear the storm drains.',
      'The new rec center director uses a wheelchair and has already pushed the city to fix the ramps at three parks. About time someone who knows the problem runs the place.',
      'Another grant for the LGBT youth center, and I\'m glad. My nephew went there after his parents kicked him out and it probably saved his life. Thank you to the council.',
      'Someone at the bus stop told my neighbour the refugee families on Cedar Street are all criminals who should be sent back. That is disgusting and it is not who we are.',
    ]) expect(v2(text), text).not.toContain('block');
  });

  it('[V.2] blocks set-ups that point at a group without naming it, and not harsh talk about who is not protected', () => {
    for (const text of [
      'Funny how every time the festival comes around the wallets start disappearing. We all know which families moved in last year, no need to say it.',
      'Same last names on every arrest report in the paper. Maybe the new police chief can figure out why they keep coming here.',
    ]) {
      expect(v2(text), text).toContain('block');
      expect(screenComment(text).find((f) => f.clause === 'V.2')!.message, text).toMatch(/a protected group it does not name \(context model/);
    }
    for (const text of [
      'Those scooter riders are a menace, every single one of them. Ban them from the boardwalk before someone gets hurt.',
      'All these developers care about is money. They ruin every neighborhood they touch, every single time. Send them packing.',
      'Tourists again, clogging up Main Street every weekend with their rented golf carts. Send them home.',
      // short and said of no one: the model is not trusted on a few words
      'stop wasting our tax dollars 🙄',
      'get rid of those ugly concrete planters',
    ]) expect(v2(text), text).not.toContain('block');
  });

  it('[V.2] holds a comment that names no group, or names one only in an aside, to the higher threshold', () => {
    const long = resolved('We keep hearing about an end to violence against the women of the reservation and the council should fund the shelter now');
    expect(contextScore(long, true, true).block).toBe(contextModel.unnamed);
    expect(contextScore(long, false, false).block).toBe(contextModel.unnamed);
    expect(contextScore(long, false, true).block).toBe(contextModel.block);
    expect(contextModel.unnamed).toBeGreaterThanOrEqual(contextModel.block);
  });

  it('[V.2] reads every protected group as one token, so no group is hateful by its name alone', () => {
    const a = contextFeatures(resolved('I think the Somalis on our block are great neighbours'), 18);
    const b = contextFeatures(resolved('I think the Koreans on our block are great neighbours'), 18);
    const c = contextFeatures(resolved('I think the lesbians on our block are great neighbours'), 18);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(contextFeatures(resolved('I think the plumbers on our block are great neighbours'), 18)).not.toEqual(a);
  });

  it('[V.2] never blocks alone a short statement without a negative cue, with its cue negated, in the past tense or reported', () => {
    for (const text of ['Trans women are women', 'Seniors shouldn\'t be working at 80 to pay rent', 'Seniors are worse off since the bus cuts',
      'We don\'t want refugees to suffer', 'The Mexicans at the party were loud', 'He thinks women are hysterical'])
      expect(mayBlockAlone(resolved(text)), text).toBe(false);
    for (const text of ['Immigrants are a plague on this town', 'The Haitians in the shelter are filthy'])
      expect(mayBlockAlone(resolved(text)), text).toBe(true);
    // that a group may do something is no dislike: the model blocked these at p ≥ 0.98
    for (const text of ['gay officers should be allowed on the police force, obviously', 'Jehovah\'s Witnesses should be allowed to table at the library too',
      'nonbelievers are allowed to teach our kids, its a public school', 'old people are allowed to speak at public comment, chill']) {
      expect(mayBlockAlone(resolved(text)), text).toBe(false);
      expect(v2(text), text).not.toContain('block');
    }
    // a long comment is a set-up the grammar may not read whole: the model may block it
    expect(mayBlockAlone(resolved('Funny how the break-ins started the same month the refugee families moved onto Cedar Street, not saying anything'))).toBe(true);
  });

  it('[V.2] lets the model block a short comment that refuses a group a place, a right or trust, not one that spares a group a hardship', () => {
    // a negation refuses the group something: the model may block (these were refused outright before)
    for (const text of ['deaf people shouldnt run the front desk', 'autistic ppl cant be trusted with city jobs', 'wiccans dont deserve a park permit',
      'dont rent to haitians, they wreck the place', 'never trust a divorced guy with the budget', 'no more somalis moving onto our block',
      'single moms raise thugs, no wonder the park is a mess', 'ppl with down syndrome shouldnt work the snack bar', 'adhd ppl shouldnt be firefighters',
      'sikhs shouldnt be bus drivers, ppl get nervous']) expect(mayBlockAlone(resolved(text)), text).toBe(true);
    // a negation that spares a group what it suffers, lacks or has done to it, or a cue inside the negation, does not
    for (const text of ['gay teachers shouldnt be fired for being gay', 'jewish kids shouldnt miss school for the holiday', 'women shouldnt be in danger walking home',
      'immigrants cant do the paperwork alone', 'disabled ppl cant even get into these meetings', 'trans kids dont deserve this',
      'dont let the seniors miss the flu clinic', 'dont let bigots scare the muslim family off our street', 'muslims arent terrorists, stop spreading hate',
      'native kids shouldnt go hungry at school, shameful', 'a woman who just cant cook', 'asian ppl dont all look the same', 'old people dont need another lecture',
      'no more seniors left out of the bus plan',
      // what the group suffers, or an accommodation asked for it; an insulting word after a plain negation judges the situation
      'the muslim councilwoman shouldnt be getting those threats, disgusting', 'dont let the seniors get scammed by fake callers', 'cancer patients shouldnt lose their parking at the clinic',
      'single dads cant make a 9am meeting, move it to evenings', 'pregnant women cant sit anywhere in the line, add chairs', 'autistic kids cant handle the fireworks, maybe a quiet zone',
      'people with hiv shouldnt be fired for it', 'ppl with adhd cant sit through the whole budget hearing lol same',
      // done to them after "get" as after "be"
      'older workers shouldnt get pushed out of city jobs for younger hires', 'trans teens shouldnt get kicked out of the shelter']) {
      expect(mayBlockAlone(resolved(text)), text).toBe(false);
      expect(v2(text), text).not.toContain('block');
    }
    // an order to send a group away, or a place kept to one, is a cue; a condition, a story or a number is not
    for (const text of ['wheelchair users should stay home, sidewalks arent for them', 'lesbians coaching softball, figures lol keep em away',
      'these guatemalans dont even try to learn english, send em back', 'white ppl only at the block party pls', 'only married men should sit on the council',
      'mexicans cant speak english, get out of our city']) expect(mayBlockAlone(resolved(text)), text).toBe(true);
    for (const text of ['wheelchair users should stay home if the sidewalks are icy', 'disabled vets go home to a cold apartment', 'at 5pm the seniors go home', 'black families only got 2 percent of the housing grants',
      'women only hold 2 of 9 seats on the council', 'trans kids got kicked out of the shelter', 'married couples get a tax break but single folks get nothing lol',
      'keep em away from the muslim family, those harassers', 'refugees welcome, tourists go home', 'the refugees want to go home',
      'all you satanists out there, put the sacrifice down', 'seniors get out of the heat, the cooling center is open']) expect(mayBlockAlone(resolved(text)), text).toBe(false);
    expect(mayBlockAlone(resolved('white folks only on the planning board again? needs to change'), false, true)).toBe(false);
    // a group as a burden or a stereotype, and names for people as suspects or relics; not the same words of something else, or denied
    for (const text of ['wheelchair ppl slow down the whole parade', 'hindus smell like curry', 'keep ur gay stuff in the bedroom', 'the gay agenda is taking over the council',
      'asians all look the same', 'somalis are pirates lol', 'old fossils on the council should retire',
      'natives should be grateful we let them keep anything', 'jewish ppl and their money, figures they got the contract']) expect(mayBlockAlone(resolved(text)), text).toBe(true);
    for (const text of ['the permit line is slow for seniors, add staff', 'the council agenda has the trans health clinic item tonight', 'the lgbt center needs stuff for the food drive',
      'asian ppl dont all look the same', 'somalis arent pirates, thats a movie', 'seniors are not fossils',
      'we should be grateful for our veterans', 'the figures show seniors ride the bus most']) expect(mayBlockAlone(resolved(text)), text).toBe(false);
    // "no <group> …" keeps a group out; told of who is missing, or asked to mend it, it does not
    for (const text of ['no hijabs at the city pool, its america', 'no gay events at the library, its a family place', 'no mosques in this town ever']) expect(mayBlockAlone(resolved(text)), text).toBe(true);
    for (const text of ['no latino vendors at the festival this year', 'no black teachers at the high school, the district needs to recruit', 'no asian candidates on the ballot, why',
      'no kids with disabilities at the playground, theres no ramp']) expect(mayBlockAlone(resolved(text)), text).toBe(false);
    // "no more …" asked back is a rebuttal ("no more immigrants? half the payroll is immigrants")
    expect(mayBlockAlone(resolved('no more immigrants'), false, true)).toBe(false);
  });

  it('[V.2] reads a short comment whose group word names no group for the grammar (one person, a thing, a trade)', () => {
    // before, a short comment the grammar found no group in was never given to the model
    expect(v2('somali cab drivers are a plague on this city')).toContain('block');
    // the model reads them (advice, or a block where the comment has a cue: "no gay stuff in our parks" keeps a group out)
    for (const text of ['no gay stuff in our parks', 'another black mayor lol this city is done', 'vietnamese nail salons are all fronts'])
      expect(v2(text), text).not.toEqual([]);
    for (const text of ['somali cab drivers helped at the flood shelter', 'another black mayor, proud of this city', 'the gay bar on 5th is hosting the fundraiser'])
      expect(v2(text), text).toEqual([]);
  });

  it('refuses a model trained on other features, naming the command that retrains it', () => {
    expect(() => loadContextModel({ ...contextModel, featureVersion: 0 })).toThrow(/features v0; this engine computes v\d+: run npm run train:screening/);
    expect(loadContextModel(contextModel).w.length).toBe(1 << contextModel.bits);
  });
});
