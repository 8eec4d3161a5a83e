import { describe, expect, it } from 'vitest';
import { isBlocked, screenComment } from './engine.ts';

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
    // calls for harm and expulsion
    'We should get rid of all the Mexicans in this neighborhood',
    'Kick the Haitians out of our neighborhood',
    'Round up the illegals and send them back',
    'Refugees should be sterilised',
    'People with Down syndrome should be kept out of the pool',
    'I want all the immigrants deported',
    'All the Somalis need to go',
    // negative stereotypes and conspiracy
    'Jews control the city council',
    'Immigrants ruin everything',
    'Immigrants bring crime and disease',
    // exclusion in hiring, housing and service
    'Never trust a Muslim',
    'I would never hire a woman',
    "I'll never rent to Mexicans again",
    "I won't sell my house to a black family",
    'No gays allowed in my restaurant',
    'No immigrants should be allowed on the council',
    'Divorced women aren\'t welcome at the potluck',
    // pronoun and apposition, dehumanising modifiers
    'Those people are vermin, the immigrants ruin everything',
    "They're animals, these immigrants",
    'Immigrants, those leeches, drain every program',
    'Jewish vermin run the bank downtown',
    'The Mexicans on 5th Street are animals',
    // other protected classes: medical condition, genetic information, marital status, veterans, age
    'People with HIV are filthy',
    'People with genetic diseases should not be allowed to have children',
    'Single mothers are leeches',
    'Veterans are unstable psychos',
    'Boomers should just die already',
    'Why are black people so violent?',
    'Deport all the Mexicanz',
    'Women belong at home, not on the council',
    "We don't want any more refugees here",
    'No Mexicans should be hired by the city',
    'Why do blacks always act like animals?',
    'Women are too emotional and stupid to be police officers',
    "I'm going to shoot the next Muslim I see",
    'This city would be better off without immigrants',
    'Gay ppl are disgusting',
    'Women like you should stay in the kitchen',
    'I h a t e women',
    'MUSLIMS OUT OF CARSON!!!',
    'All these Chinese landlords are vultures',
    "I'll never shop at a store run by Indians, they're cheats",
    'Typical Mexican, always late and lazy',
    'Seniors should lose the right to vote at 70',
    'The Asian invasion of our schools needs to stop',
    'Gays are going to hell and should be kept away from children',
    'Black neighborhoods are full of thugs and criminals',
    'Nonbinary is a mental illness',
    'The city is being overrun by Somalis',
    'jews = greedy',
    "Black people don't deserve to live in nice neighborhoods",
    'Throw every refugee in jail',
    'Chinese people eat dogs and spread viruses',
    'Can we make the Muslims leave already?',
    'Veterans are all crazy killers',
    'A Jew will always cheat you',
    "These Muslims keep multiplying, soon they'll outnumber us",
    'The Koreans on Vermont Ave are rude cheap bastards',
    'It\'s a fact that blacks have lower IQs',
    'I pray every day that God wipes out the homosexuals',
    'Every Mexican is a gangbanger',
    'People from Africa are uncivilized',
    'Latinas are only good for cleaning houses',
    'Atheists have no morals and shouldn\'t be teachers',
    'Trans people are a danger to our kids',
    'Asians are biologically less intelligent',
    'Women are too emotional to run a city',
    'Gays are worse than animals',
    'Immigrants should just hurry up and leave',
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
    // counter-speech, quotation and reporting
    'Black people are not animals, and whoever wrote that should be ashamed',
    'Shame on whoever posted that Muslims should be deported',
    "The sign said 'no Jews allowed', it's horrible that this is still happening",
    'My neighbor yelled "go back to Mexico" at a family walking by',
    'Someone spray-painted a slur on the library wall last night',
    'Jews do not control the city council, that\'s an antisemitic lie',
    'Nobody should say gay people should be killed',
    'I would never vote for a councilman who hates immigrants',
    // negated hate and refused exclusion
    'I would never refuse to hire a woman',
    "I'd never stop renting to immigrants, they're my best tenants",
    'I have never met a lazy immigrant in my life',
    'Not all men are trash',
    // reclaimed self-reference
    "I'm a proud dyke and a Carson resident for 30 years",
    // protected groups in civic requests, and abuse of groups the policy does not protect
    'Seniors need to go to the clinic for their flu shots',
    "We can't let seniors live in fear of scams",
    'Muslims should be protected from attacks',
    'Refugee families need help finding housing',
    'Cyclists are a plague on our roads',
    'Landlords are parasites',
    'The mayor is a liar and should resign',
    // near misses: the same grammar with no protected group
    'We should get rid of all the potholes',
    'Never trust a weather forecast in this town',
    'The old bridge should be removed',
    'The rats in the alley behind the market are disgusting',
    'The black bins are for trash and the blue bins for recycling',
    'Capital gains tax should be payable on all property sales',
    'Missing and Murdered Indigenous Women deserve justice',
    'Lebanese Christian beats up Syrian refugee in his home',
    "We don't want refugees to suffer",
    'Seniors are terrible at waiting',
    "Immigrants should not be hired without papers, that's the law",
    'Nobody in this town thinks gay people are perverts anymore',
    'Someone shouted that immigrants are criminals at the meeting, and nobody stood up to him. Shameful.',
    // ordinary phrases with a slur's letters
    'The new library is spick and span',
    "Let's go to the honky tonk on Saturday",
    "That's the chink in his armor",
    'The park would be better without the noise',
    'People saying trans women are predators are spreading lies',
    'Get seniors out of the heat',
    'Vendors out of the park by 9pm please',
    'Comparing Haitians to rats is hate speech and should be removed',
    'Immigrants work hard and should be paid fairly',
    'Typical Mexican hospitality, so kind',
    'Black neighborhoods are full of life and music',
    "The mayor's comments about Mexicans were racist and he should apologize",
    'Seniors are getting scammed by fake contractors, please warn your parents',
    'Elderly drivers should renew their licenses more often for safety',
    'Never trust a landlord who won\'t give you a receipt',
    'The parade was organized by Mexican families',
    "Veterans don't deserve to be homeless",
    'Throw the refugees a welcome party',
    'The city is being overrun by potholes',
    'People from Africa are wonderful neighbors',
    'Immigrants keep the economy going',
    'Every veteran is a hero',
    'Seniors are a danger to nobody',
    'Refugees have no shame in asking for help',
    'Immigrants are good for the economy',
    'Women are not less intelligent than men',
    'Immigrants are too afraid to report crimes',
    'Seniors are worse off since the bus cuts',
  ];
  for (const text of fine) {
    it(`[V.2] "${text}" is not blocked`, () => {
      expect(v2(text)).not.toContain('block');
    });
  }
});

describe('[V.2] counter-speech that names a group and an insult is not blocked at all', () => {
  // the classifier alone (V.3) used to block this one: it condemns, so it is advice at most
  for (const text of ['Black people are not animals, and whoever wrote that should be ashamed', 'Saying Muslims are terrorists is bigoted and wrong']) {
    it(`[V.2] [V.3] "${text}" passes`, () => {
      expect(isBlocked(screenComment(text))).toBe(false);
    });
  }
});

describe('[V.2] implicit hate: sanctions, exclusion, scapegoating and misgendering without an insult', () => {
  // each pattern with look-alikes that must pass: the same grammar with an unprotected subject, advice, or sympathy
  const cases: [string, string[], string[]][] = [
    ['blocks a sanction aimed at a group named by a relative clause', ['Women who wear hijabs should be fined', 'Muslims need to be watched'],
      ['Drivers who run red lights should be fined', 'Landlords who don\'t fix mold should be fined', 'Immigrants who commit crimes should be fined', 'The intersection needs to be watched', 'Seniors should be monitored for heat stroke', 'Landlords who refuse to rent to immigrants should be fined']],
    ['blocks a sanction aimed at a group qualified by a place or a participle', ['Those Muslims praying at the park should be arrested', 'People in wheelchairs should stay home'],
      ['People in wheelchairs can\'t use the sidewalk on Main', 'Seniors should stay home during the heat wave', 'Where the girls at say happy birthday to me i need a party']],
    ['blocks keeping a group out of a place or a role', ['Disabled kids shouldn\'t be in regular classes', 'Lesbians shouldn\'t be teaching our kids', 'Deaf people have no business working at city hall', 'Women shouldn\'t run anything'],
      ['Men have no business making laws regarding women and their reproductive health', 'Disabled kids should get more aides in regular classes', 'Old people shouldn\'t have to wait an hour for the bus', 'Seniors shouldn\'t have to work two jobs']],
    ['blocks "should never have been born"', ['Gays should never have been born'], ['Seniors should never have been charged for the bus']],
    ['blocks "let\'s keep Carson white / straight"', ['Let\'s keep Carson white', 'Let\'s keep our neighborhood straight and Christian'],
      ['Let\'s keep Carson clean', 'Keep the walls white for the mural', 'Let\'s keep Carson white-collar and blue-collar friendly']],
    ['blocks a group said to be taking over a place', ['The Filipinos are taking over every block on Avalos', 'Mexicans are taking over the city'],
      ['The new apartments are taking over the parking', 'Skateboarders are taking over the plaza']],
    ['blocks decline blamed on a group', ['Immigrants are the reason this city is going downhill', 'Haitians are why our streets are dirty', 'It\'s always the blacks causing trouble at the park', 'The Samoans have taken over the whole park'],
      ['Immigrants are the reason this city is thriving', 'The geese have taken over the whole park', 'Potholes are why our streets are dangerous', 'It\'s always the seniors who show up to help']],
    ['blocks a hedged or two-word derogatory noun', ['Every Mexican is a potential gang member', 'Single moms are just gold diggers', 'Native Americans are all alcoholics', 'wom3n are st00pid', 'Muslim men are all wife beaters'],
      ['Every Mexican is a potential customer', 'Landlords are leeches, rent is too high']],
    ['blocks exclusion phrased as a preference or a policy', ['We don\'t want Jews on the planning commission', 'No gays on the city bus please', 'Don\'t hire anyone over 60, they are useless', 'Stop letting Mexicans open businesses'],
      ['No dogs on the city bus please', 'No women on the council? We need more', 'We don\'t want more liquor stores on the agenda', 'Stop letting developers build without parking', 'Seniors over 65 ride free']],
    ['blocks misgendering a trans group', ['Trans women are just men in dresses', 'Trans men are just confused girls'], ['Trans women are women', 'Trans men are men', 'Trans women are real women']],
    ['blocks "keep an eye on …" and "no more …"', ['We should keep an eye on the Muslims', 'Jews need to be kept an eye on', 'No more Haitians in Carson'],
      ['We should keep an eye on the new speed cameras', 'No more potholes on Carson Street please', 'No more Haitians should have to wait for asylum hearings']],
    ['blocks a conspiracy that a group is behind every problem', ['Jews are behind every problem in this city'], ['Veterans are behind the new park', 'Some guy at the meeting said Jews are behind every problem. Disgusting.']],
    ['blocks keeping a group from work or from rights it has', ['Anyone in a wheelchair shouldn\'t be working at the front desk', 'Old people should lose their licenses'],
      ['Seniors shouldn\'t be working at 80 to pay rent', 'Anyone in a wheelchair should get priority boarding']],
    ['blocks a group sent back "where they belong"', ['Put the gays back in the closet where they belong'], ['Put the chairs back in the closet where they belong']],
    ['blocks a group sent where it "belongs", not one said to belong with everyone', ['Mexicans belong in Mexico', 'Disabled kids belong in special schools', 'Muslims belong in cages, not in our city'],
      ['Immigrants belong in this city as much as anyone', 'Gay couples belong at the Pride picnic too', 'Kids with Down syndrome belong in regular classrooms']],
    ['blocks a group kept to menial work or denied an ability', ['Mexicans should stick to picking fruit', 'Black people can\'t handle money', 'Girls can\'t do engineering'],
      ['Seniors should stick to walking in the morning when it is cooler', 'Seniors can\'t handle the heat, open cooling centers', 'Immigrants can\'t do the paperwork alone, the city should help']],
    ['blocks a group told to leave the city or kept from driving', ['Catholics worship idols and should leave Carson', 'Muslims should leave the country', 'People with autism shouldn\'t be driving city buses'],
      ['Visitors should leave the park by 10pm', 'Seniors should leave the driving to paratransit if they want', 'Teenagers shouldn\'t be driving that fast on Main']],
    ['reads a noun after "allowed" or "given" as what a group is given, not what it is', ['Blind people are dogs', 'Muslims should be sent back'],
      ['Blind people should be allowed guide dogs everywhere', 'Immigrants should be given free housing']],
    ['reads more national origins and clergy as groups', ['Nigerians are all scammers', 'Pacific Islanders are all thugs', 'Filipinas are only good for cleaning houses'],
      ['The Thai restaurant on Avalon is great', 'Pacific Islanders are amazing dancers', 'Catholic priests ran the food drive']],
    ['leaves reported or renounced stereotypes as advice', [],
      ['The claim that disabled people are a burden is disgusting', 'Who said seniors shouldn\'t vote? Everyone votes.', 'People say Mexicans are lazy but the farmworkers here work harder than anyone',
        'I used to think immigrants were criminals until I met my neighbors', 'You keep saying disabled people are a burden. That\'s disgusting']],
  ];
  for (const [name, hateful, fine] of cases) {
    it(`[V.2] ${name}`, () => {
      for (const text of hateful) expect(v2(text), text).toContain('block');
      for (const text of fine) expect(v2(text), text).not.toContain('block');
    });
  }
});
