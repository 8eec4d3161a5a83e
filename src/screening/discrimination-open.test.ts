import { describe, expect, it } from 'vitest';
import { screenComment } from './engine.ts';

const v2 = (text: string): string[] => screenComment(text).filter((f) => f.clause === 'V.2').map((f) => f.severity);

describe('[V.2] open-ended generalisations: a whole group said to be, do or lack something bad', () => {
  // each pattern with look-alikes that must pass: what befalls a group, particular people, reports, conditions
  const cases: [string, string[], string[]][] = [
    ['blocks a bad quality from the valence list said of a whole group',
      ['Old folks are selfish and vote down every school bond', 'Puerto Ricans are loud and obnoxious', 'Immigrants are ungrateful', 'Buddhists are weird idol worshippers', 'Filipinos are all nurses or scammers', 'Every Muslim is sneaky'],
      ['Seniors are furious about the fee increase', 'Veterans are homeless at twice the rate of other residents', 'Asian Americans are scapegoats for the pandemic and it has to stop', 'Seniors are critical of the new parking plan',
        'Women are sick and tired of the catcalling on Main Street', 'Immigrants are no threat to this community', 'Latinos are poor because wages here are low', 'Seniors are vulnerable to the heat, open the cooling centers',
        'Trans people are at risk of violence, please fund the shelter', 'Seniors are worse off since the bus cuts', 'Immigrants are exploited by landlords who charge too much']],
    ['does not generalise from particular people, questions or reported views',
      [],
      ['My neighbors are Samoan and they are loud at night, any noise ordinance?', 'Are seniors really that selfish? I don\'t think so', 'He thinks women are hysterical, what a clown', 'Not all men are bad, nor all women are bad',
        'Some seniors are rude at the pool but most are lovely', 'The Mexicans at the party were loud']],
    ['blocks a group kept from jobs or roles, or said to be unable to lead or learn',
      ['Dwarves shouldn\'t be lifeguards', 'Cancer patients shouldn\'t get city jobs', 'Married women shouldn\'t take jobs from men', 'Women can\'t lead, look at the last city manager', 'Dyslexic people shouldn\'t be clerks'],
      ['Veterans shouldn\'t get their benefits cut', 'Immigrants don\'t take jobs from anyone, they create them', 'Blind people can\'t drive, so the bus route matters to them', 'Seniors can\'t drive at night so please keep the dial-a-ride going',
        'People who say women can\'t lead should look at our fire chief', 'He\'s with a woman who just can\'t cook']],
    ['blocks a virtue a whole group is said to lack, and crime blamed on it',
      ['Black people don\'t care about their own neighborhoods', 'Immigrants never respect our laws', 'Blacks commit most of the crime around the mall'],
      ['Seniors don\'t care for the new bus schedule', 'Immigrants commit fewer crimes than native born citizens', 'Companies that hire illegals that commit crimes should be fined', 'Anti choice laws only affect women. People don\'t care about things that don\'t affect men']],
    ['blocks "too many …", "typical", "let them die", "get them out" and "diversity hire"',
      ['Too many Indians in the IT department, they only hire their own', 'These Mexicans keep parking on my lawn, typical', 'Bunch of boomers clogging up the meeting, let them die off already',
        'Get these Haitians out of our shelter', 'The new director is a black woman so you know she was a diversity hire'],
      ['Too many veterans in poverty, the city should do more', 'Too many women in too many countries speak the same language of silence', 'Get the seniors out of the heat, open the cooling centers',
        'The council keeps raising fees, typical', 'Let them play at the park until dark', 'We hired a diverse staff this year']],
    ['blocks preferences for a dominant group, dog whistles, and the decline dated from a group\'s arrival',
      ['Hire young people only.', 'Why is City Hall hiring so many Filipinos? Hire real Americans.', 'Mixed couples at the park. Stick to your own kind.', '13/50 look it up',
        'Carson was a decent, quiet town before all these Samoans moved in', 'Look at the landlords raising rents. Always the Jews. Every single time.'],
      ['Hire veterans first for the park jobs', 'Hire local residents first', 'Carson was a quiet town before the freeway came', 'Always the same potholes. Every single time.', 'I scored 13/50 on the quiz']],
    ['blocks exclusion from a seat, the back of the line, hygiene slurs, and a group swept out',
      ['Deaf people shouldn\'t sit on the planning commission', 'Single moms should go to the back of the housing lottery', 'Indians need to learn to shower', 'Jamaicans selling weed in every park. Sweep them all out of Carson.',
        'Women don\'t belong on the City Council'],
      ['Seniors should sit on the advisory board', 'Late applicants should go to the back of the line', 'Kids need to learn to swim', 'Sweep the leaves out of the gutters on Avalon',
        'I\'m tired of people assuming Samoan boys are gang members', 'The man at public comment saying Muslims can\'t be trusted is why we need a human relations commission']],
    ['blocks replacement talk, box-checking hires, the race card, misgendering tropes and kept-from-rooms',
      ['The housing project is the council\'s plan to import Haitians and replace long-time residents', 'The new appointee, the lesbian, only got picked to check a box', 'Those people always play the race card',
        'Men in wigs pretending to be women just want access to little girls', 'Muslims should not be getting city rooms', 'Koreans never bother learning English', 'Black families just don\'t take care of property',
        'The Samoan kids joined the league. They\'re built like animals', 'Blind people shouldn\'t be wandering around alone', 'Autistic children scream all day. Those kids belong in special facilities'],
      ['The city should import more solar panels to replace the old lights', 'Check a box on the form to get the senior discount', 'Seniors should be getting the community rooms for free',
        'Immigrants are treated like animals at the detention center', 'Kids shouldn\'t be wandering around alone at night, the park needs lights', 'Those kids belong in the after-school program, it is great']],
    ['blocks one person taken for the whole group, only when what is generalised is bad',
      ['The Nigerian guy at the permit counter is obviously running a scam, that\'s what they all do.'],
      ['The Mexican family next door is so nice, that\'s how they all are', 'My Korean neighbor is lovely, they are all like that in my experience', 'The council is running a scam, that\'s what they all do']],
    ['blocks genetic screening, age cut-offs, housing kept for married couples, and "we don\'t need … bussing in"',
      ['The city should screen out job applicants with the BRCA genes', 'Her family has bad genes', 'People who carry the sickle cell gene shouldn\'t be having kids',
        'The city should stop hiring anyone over 55', 'The senior apartments should only rent to married couples', 'We don\'t need Black kids bussing in every weekend',
        'Cancer patients shouldn\'t be working the front counter', 'Unmarried men can\'t be trusted. Something is wrong with them'],
      ['Free genetic testing at the health fair on Saturday', 'The city should test the water for DNA of the virus', 'The city should stop hiring consultants over budget',
        'The senior apartments should only rent to seniors, as the grant requires', 'We don\'t need more parking lots in Carson', 'Saying immigrants are criminals is wrong']],
    ['blocks the echo, "go back to …" a country, age cut-offs in years, and a decline blamed on a group moving in',
      ['Look at who owns the banks. (((They))) always do', 'Stop hiring these 60-year-olds at City Hall', 'go back to Manila', 'go back to where ur family came from', 'somebody check his green card before he talks', 'Every time they build apartments the Black folks move in and crime goes up',
        'Divorced women are damaged goods', 'Female deputies are a joke', 'Single moms shouldn\'t get priority for city housing', 'Why are we spending tax money on ramps for cripples?'],
      ['Seniors moved in to the new apartments and love the garden', 'Go back to the agenda item please', 'Please check your green card expiry date before the clinic', 'check their visas at the consulate before booking the trip', 'The council is a joke', 'The budget cut cripples the library', 'Seniors were damaged by the cuts (see the report (page 4))']],
    ['leaves a slur quoted in a report of it as advice; unquoted or aimed, it blocks',
      ['Someone yelled ching chong at my grandma', 'You \'ching chong\' people should leave', 'My neighbor is a chink'],
      ['Someone yelled \'ching chong\' at my grandma at the bus stop on Avalon. We filed a report.', 'My neighbor said \'go back to china\' and called us \'chinks\'',
        'The comments calling people \'retards\' on the autism awareness post are vile', 'Saw a comment above saying Salvadorans are all gang members. My neighbors are Salvadoran. Knock it off.',
        'Somebody spray-painted \'chinks out\' on the wall behind the laundromat on Main, reported to 311 this morning',
        'Screenshot of a message left on the rec center page: \'no f*gs at the pool\'. I\'ve reported it, please take it down']],
    ['blocks a person or group called "typical" of a protected group, and a group kept from public comment or the vote',
      ['typical female getting emotional again', 'this guy again 🙄 typical muslim always whining', 'typical black guy yelling at the mic', 'immigrants shouldnt get to speak at council', 'Seniors should not get to vote on the school bond', 'Black people shouldn\'t run the budget'],
      ['typical mexican food at the fair was great', 'typical irish weather for the parade', 'a typical veteran, first to volunteer', 'typical council, always late', 'Immigrants shouldn\'t have to wait months to speak to a caseworker',
        'Seniors shouldn\'t have to pay to vote by mail', 'People shouldn\'t talk during the moment of silence']],
    ['blocks one person named by a protected trait and made a thing; a complaint about their conduct passes',
      ['The guy in the wheelchair at public comment needs to stop talking. Nobody wants to hear from a vegetable.', 'Saw a dude in lipstick and a skirt reading to kids at the library. Disgusting freak.'],
      ['The guy in the wheelchair was rude to me at the counter', 'My autistic kid is a Lego freak', 'The Mexican guy at the taco stand is an animal on the grill']],
  ];
  for (const [name, hateful, fine] of cases) {
    it(`[V.2] ${name}`, () => {
      for (const text of hateful) expect(v2(text), text).toContain('block');
      for (const text of fine) expect(v2(text), text).not.toContain('block');
    });
  }
});
