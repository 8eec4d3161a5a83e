/**
 * V.2's words: who the protected groups are, and what is said against them. The grammar
 * (grammar.ts) combines them; no word here triggers a finding alone except the slurs.
 */

/** Slurs (kept to terms that are slurs in nearly every use). */
export const SLURS = [
  'nigger~', 'nigga~', 'niggah', 'nigg~', 'jigaboo~', 'porch monkey~', 'darkie~', 'sambo', 'wetback~', 'beaner~', 'spic', 'spics',
  'spick', 'chink~', 'gook~', 'jap', 'japs', 'slant eye~', 'zipperhead~', 'kike~', 'hymie~', 'raghead~', 'towelhead~', 'sand nigger~',
  'camel jockey~', 'paki', 'pakis', 'faggot~', 'fag', 'fags', 'faggy', 'dyke', 'dykes', 'tranny', 'trannies', 'shemale~',
  'retard', 'retards', 'retarded', 'tard', 'spaz', 'mongoloid~', 'injun~', 'redskin~', 'squaw~', 'halfbreed~', 'half breed~',
  'honky', 'honkey~', 'white trash', 'wop', 'wops', 'dago~', 'kraut~', 'polack~', 'heeb~', 'yid', 'yids', 'chinaman', 'ching chong',
  'sodomite~', 'ladyboy~', 'muzzie~', 'muzrat~', 'gyppo~', 'pikey~', 'homos', 'schizos', 'midgets', 'cripples',
  // not 'gimp' (the image editor) nor 'lesbos' (the island)
  'lesbo', 'gimps',
];
const OBJECTS = new Set(['them', 'him', 'her', 'it', 'us', 'me', 'you', 'the', 'our', 'my', 'your', 'his', 'their', 'a', 'an', 'local', 'small']);
/** Ordinary phrases that hold a slur's letters ("spick and span", "honky tonk", "a chink in the armour", "it cripples them"). */
export function homonym(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  const next = words[i + 1];
  if ((w === 'spick' || w === 'spic') && next === 'and' && words[i + 2] === 'span') return true;
  if ((w === 'honky' || w === 'honkey') && (next === 'tonk' || next === 'tonks')) return true;
  // "… cripples them": the verb
  if (w === 'cripples' && next !== undefined && OBJECTS.has(next)) return true;
  return w === 'chink' && (next === 'in' || next === 'of');
}
/** Slurs a member of the group may use of themselves ("as a proud dyke …"): reported as advice then. */
export const RECLAIMABLE = new Set(['dyke', 'dykes', 'fag', 'fags', 'faggot', 'faggots', 'queer', 'queers', 'tranny', 'trannies', 'crip', 'crips']);

/** Group nouns naming people by a protected characteristic (plural, or singular used generically). */
export const GROUP_NOUNS = [
  // sex, gender, gender identity
  'women', 'woman', 'girls', 'females', 'ladies', 'men', 'males', 'trans', 'transgenders', 'transsexuals', 'transgender',
  'transwomen', 'transmen', 'genderqueer', 'nonbinary', 'enbies', 'intersex', 'feminists',
  // sexual orientation
  'gays', 'lesbians', 'lesbian', 'bisexuals', 'homosexuals', 'homosexual', 'queers', 'homos', 'lgbt', 'lgbtq', 'lgbtqia', 'lesbos',
  // race, colour, national origin, ancestry
  'blacks', 'whites', 'negroes', 'immigrants', 'immigrant', 'migrants', 'migrant', 'refugees', 'refugee', 'foreigners',
  'illegals', 'aliens', 'alien', 'mexicans', 'asians', 'latinos', 'latinas', 'latinx', 'hispanics', 'filipinas', 'chicanas', 'africans', 'arabs', 'chinese',
  'indians', 'natives', 'filipinos', 'koreans', 'vietnamese', 'japanese', 'samoans', 'tongans', 'somalis', 'haitians',
  'pakistanis', 'syrians', 'afghans', 'iranians', 'iraqis', 'nigerians', 'ethiopians', 'jamaicans', 'cubans', 'ricans',
  'salvadorans', 'guatemalans', 'hondurans', 'russians', 'ukrainians', 'armenians', 'palestinians', 'israelis', 'italians',
  'irish', 'germans', 'persians', 'turks', 'kurds', 'gypsies', 'roma', 'aboriginals', 'eritreans', 'ghanaians', 'kenyans',
  'dominicans', 'nicaraguans', 'colombians', 'venezuelans', 'peruvians', 'brazilians', 'argentinians', 'ecuadorians', 'chileans',
  'cambodians', 'laotians', 'hmong', 'thais', 'taiwanese', 'bangladeshis', 'nepalis', 'lebanese', 'poles', 'fijians',
  'hawaiians', 'chamorros', 'europeans', 'chicanos',
  // religion
  'muslims', 'muslim', 'moslems', 'jews', 'jew', 'christians', 'catholics', 'protestants', 'evangelicals', 'hindus',
  'sikhs', 'buddhists', 'atheists', 'mormons', 'islam', 'judaism', 'hijabis',
  'baptists', 'methodists', 'lutherans', 'presbyterians', 'episcopalians', 'pentecostals', 'adventists', 'quakers', 'amish',
  'unitarians', 'pagans', 'wiccans', 'scientologists', 'rastafarians', 'shias', 'sunnis', 'bahais', 'jains', 'taoists', 'zoroastrians',
  // disability, medical condition
  'disabled', 'handicapped', 'cripples', 'dwarves', 'dwarfs', 'autistics', 'amputees', 'paraplegics', 'schizophrenics', 'epileptics', 'diabetics',
  // age, marital status, military and veteran status
  'elderly', 'seniors', 'boomers', 'millennials', 'zoomers', 'geezers', 'retirees', 'veterans', 'veteran', 'vets', 'widows', 'divorcees', 'spinsters',
  // named in slang or by a trait ("chicks shouldnt be cops", "stutterers shouldnt answer the phones", "bachelors … weirdos")
  'chicks', 'broads', 'gals', 'dudes', 'crazies', 'stutterers', 'spergs', 'geriatrics', 'boomer', 'bachelors', 'jws', 'nonbelievers',
  'teenagers', 'teens', 'youngsters', 'widowers', 'satanists', 'sissies', 'feminazis', 'autists', 'transvestites', 'crossdressers', 'gentiles',
];
/** Adjectives naming a protected characteristic: a group with a people noun ("gay people", "Mexican workers"). */
export const GROUP_ADJ = [
  'black', 'white', 'brown', 'colored', 'asian', 'latino', 'latina', 'latinx', 'hispanic', 'mexican', 'african', 'arab', 'chinese',
  'indian', 'native', 'indigenous', 'jewish', 'muslim', 'islamic', 'christian', 'catholic', 'hindu', 'sikh', 'gay', 'lesbian',
  'bisexual', 'bi', 'queer', 'trans', 'transgender', 'lgbt', 'lgbtq', 'lgb', 'aapi', 'disabled', 'handicapped', 'autistic', 'deaf', 'blind', 'old',
  'older', 'elderly', 'immigrant', 'foreign', 'filipino', 'korean', 'vietnamese', 'japanese', 'samoan', 'somali', 'haitian',
  'pakistani', 'syrian', 'afghan', 'iranian', 'iraqi', 'nigerian', 'ethiopian', 'jamaican', 'cuban', 'salvadoran', 'guatemalan',
  'honduran', 'russian', 'ukrainian', 'armenian', 'palestinian', 'israeli', 'italian', 'irish', 'german', 'polish', 'single',
  'divorced', 'unmarried', 'widowed', 'pregnant', 'female', 'male', 'nonbinary', 'intersex', 'mentally', 'physically',
  'diabetic', 'epileptic', 'schizophrenic', 'skinned', 'bipolar', 'dyslexic', 'married', 'puerto', 'jehovahs', 'cancer', 'wheelchair', 'military', 'refugee', 'migrant', 'eritrean', 'ghanaian', 'kenyan',
  'dominican', 'nicaraguan', 'colombian', 'venezuelan', 'peruvian', 'brazilian', 'argentinian', 'ecuadorian', 'chilean',
  'cambodian', 'laotian', 'hmong', 'thai', 'taiwanese', 'bangladeshi', 'nepali', 'lebanese', 'fijian', 'hawaiian', 'chamorro',
  'european', 'chicano', 'pacific', 'tongan', 'mormon', 'buddhist', 'atheist', 'evangelical',
  'baptist', 'methodist', 'lutheran', 'presbyterian', 'pentecostal', 'adventist', 'quaker', 'amish', 'pagan', 'wiccan', 'shia', 'sunni',
  // with a people noun: "darker folks", "unwed moms", "geriatric people", "sped kids"
  'darker', 'unwed', 'geriatric', 'hijabi', 'amputee', 'sped', 'crippled', 'senile', 'interracial',
  'young', 'younger', 'teen', 'teenage', 'cohabiting',
];
/**
 * Group adjectives that also name a person ("never trust a Mexican", "the Chinese are …"); used
 * as a noun when no noun follows.
 */
export const NOMINAL_ADJ = new Set([
  'mexican', 'asian', 'african', 'arab', 'chinese', 'indian', 'muslim', 'christian', 'catholic', 'hindu', 'sikh', 'gay', 'lesbian',
  'latino', 'latina', 'hispanic', 'filipino', 'korean', 'vietnamese', 'japanese', 'samoan', 'somali', 'haitian', 'pakistani',
  'syrian', 'afghan', 'iranian', 'iraqi', 'nigerian', 'ethiopian', 'jamaican', 'cuban', 'salvadoran', 'guatemalan', 'honduran',
  'russian', 'ukrainian', 'armenian', 'palestinian', 'israeli', 'italian', 'irish', 'german', 'queer', 'transgender', 'immigrant',
  'disabled', 'elderly', 'handicapped', 'autistic', 'bisexual', 'refugee', 'migrant', 'eritrean', 'ghanaian', 'kenyan',
  'dominican', 'nicaraguan', 'colombian', 'venezuelan', 'peruvian', 'brazilian', 'argentinian', 'ecuadorian', 'chilean',
  'cambodian', 'laotian', 'thai', 'bangladeshi', 'nepali', 'fijian', 'hawaiian', 'chamorro', 'chicano', 'tongan', 'mormon',
]);
/** Nouns for people that a group adjective can qualify. */
export const PEOPLE = new Set([
  'people', 'ppl', 'person', 'persons', 'folks', 'folk', 'men', 'man', 'women', 'woman', 'guys', 'guy', 'girls', 'girl', 'boys', 'boy',
  'ladies', 'lady', 'kids', 'kid', 'children', 'child', 'individuals', 'community', 'communities', 'population', 'families', 'family',
  'mothers', 'mother', 'moms', 'mom', 'dads', 'dad', 'fathers', 'parents', 'couples', 'immigrants', 'refugees', 'americans',
  'ill', 'neighbors', 'neighbours', 'residents', 'tenants', 'workers', 'employees', 'students', 'drivers', 'citizens', 'teens',
  'youth', 'users', 'patients', 'deputies', 'firefighters', 'lifeguards', 'clerks', 'coaches', 'candidates', 'appointees', 'witnesses', 'churches', 'mosques', 'temples', 'synagogues', 'congregations', 'vets', 'veterans', 'owners', 'applicants', 'voters', 'members', 'migrants', 'seniors', 'landlords',
  'doctors', 'nurses', 'teachers', 'cops', 'officers', 'shopkeepers', 'vendors', 'contractors', 'employers', 'bosses', 'guys',
  'neighborhoods', 'neighbourhoods', 'areas', 'islanders', 'priests', 'pastors', 'rabbis', 'imams', 'nuns', 'monks', 'clergy', 'athletes', 'players',
  'staff', 'grandpas', 'grandmas', 'lobby',
]);
/** Conditions and origins after "people with …" / "people of …" ("people with HIV", "people of color"). */
export const CONDITIONS = new Set([
  'hiv', 'aids', 'autism', 'disabilities', 'disability', 'down', 'schizophrenia', 'epilepsy', 'dementia', 'diabetes',
  'cancer', 'mental', 'genetic', 'herpes', 'ptsd', 'leprosy', 'tourettes', 'bipolar', 'depression', 'adhd', 'dwarfism', 'cerebral',
  'ocd', 'hepatitis', 'crohns', 'alzheimers', 'parkinsons', 'dyslexia', 'asthma', 'lupus',
]);
/** What some conditions need after them ("Down syndrome", "genetic disorders"). */
export const CONDITION_NEEDS: Readonly<Record<string, readonly string[]>> = {
  down: ['syndrome'], mental: ['illness', 'illnesses', 'health', 'problems', 'disorders'], cerebral: ['palsy'],
  genetic: ['disease', 'diseases', 'disorder', 'disorders', 'condition', 'conditions', 'defects', 'defect'],
};
export const CONDITION_WORDS = [...CONDITIONS, ...Object.values(CONDITION_NEEDS).flat()];
export const ORIGIN_NOUNS = new Set(['color', 'colour', 'descent', 'origin', 'heritage', 'ancestry', 'background', 'blood', 'faith']);

/**
 * Derogatory or dehumanising attributes. DEROG_NOUNS are the ones that name a kind of being
 * ("Muslim pigs", "immigrants, those leeches"): a group adjective right before one is derogation.
 */
export const DEROG_NOUNS = [
  'scum', 'scumbags', 'animals', 'animal', 'vermin', 'vermins', 'rats', 'rat', 'cockroaches', 'cockroach', 'roaches', 'parasites',
  'parasite', 'pests', 'pest', 'leeches', 'leech', 'insects', 'maggots', 'apes', 'monkeys', 'pigs', 'swine', 'dogs', 'savages',
  'barbarians', 'rodents', 'termites', 'locusts', 'lice', 'fleas', 'snakes', 'hyenas', 'beasts', 'creatures', 'subhumans',
  'criminals', 'rapists', 'terrorists', 'jihadists', 'thugs', 'gangsters', 'gangbangers', 'degenerates', 'freaks', 'perverts',
  'pedophiles', 'pedos', 'groomers', 'molesters', 'predators', 'invaders', 'deviants', 'abominations', 'monsters', 'demons',
  'psychos', 'lunatics', 'maniacs', 'freeloaders', 'moochers', 'drunks', 'junkies', 'whores', 'sluts', 'bitches', 'hoes',
  'slobs', 'idiots', 'morons', 'imbeciles', 'liars', 'thieves', 'crooks', 'cheaters', 'frauds', 'dealers', 'traffickers',
  'corpses', 'vegetables', 'bombs', 'bigots', 'vultures', 'cheats', 'scroungers', 'killers', 'hags', 'bastards',
  'alcoholics', 'addicts', 'crackheads', 'druggies', 'hustlers', 'delinquents', 'troublemakers', 'deadbeats', 'bums', 'lowlifes', 'losers',
  'scammers', 'brats', 'nutjobs', 'nutcases', 'whackos', 'wackos', 'loons', 'vandals', 'dinosaurs',
];
/** Derogatory nouns as one of them ("every Mexican is a gangbanger"); not those whose singular is something else ("hoe", "cheat") or one edit from a common word ("scammer": "scammed"). */
export const DEROG_ONE = DEROG_NOUNS.filter((w) => w.endsWith('s') && !['hoes', 'cheats', 'bombs', 'lice', 'fleas', 'scammers'].includes(w)).map((w) => w.slice(0, -1));
/** Derogatory attributes other than the kinds of being above. */
export const ATTRIBUTES = [
  'disgusting', 'repulsive', 'revolting', 'vile', 'gross', 'filthy', 'dirty', 'pathetic', 'worthless', 'useless', 'inferior',
  'subhuman', 'trash', 'garbage', 'rubbish', 'filth', 'cancer', 'tumor', 'tumour', 'plague', 'disease', 'diseased', 'virus',
  'infestation', 'invasion', 'horde', 'hordes', 'swarm', 'sickness', 'poison', 'toxic', 'blight', 'scourge', 'pestilence', 'evil',
  'stupid', 'dumb', 'ugly', 'lazy', 'dangerous', 'violent', 'aggressive', 'primitive', 'backwards', 'backward', 'barbaric',
  'brainless', 'retarded', 'lesser', 'burden', 'drain', 'liability', 'threat', 'waste', 'mistake', 'nothing', 'hideous',
  'horrible', 'awful', 'terrible', 'despicable', 'detestable', 'loathsome', 'nasty', 'sickening', 'contemptible', 'unbearable',
  'annoying', 'fake', 'unnatural', 'illness', 'weak', 'untrustworthy', 'worst', 'inbred', 'uncivilized', 'uncivilised',
  'unwelcome', 'ruining', 'destroying', 'polluting', 'infesting', 'invading', 'stealing', 'savage', 'beast', 'monster', 'freak',
  'criminal', 'rapist', 'terrorist', 'thug', 'pervert', 'pedophile', 'idiot', 'moron', 'imbecile', 'greedy', 'dishonest',
  'sneaky', 'smelly', 'stinky', 'defective', 'unfit', 'immoral', 'sinful', 'wicked', 'devil', 'demonic', 'satanic', 'perverted',
  'insane', 'delusional', 'unstable', 'deranged', 'psychotic', 'dirtiest', 'filthiest', 'dumbest', 'laziest', 'stupidest',
  'ugliest', 'smelliest', 'stoopid', 'extremists', 'incompetent', 'hateful', 'gang', 'drunk', 'liar', 'thief', 'crook', 'abomination', 'danger', 'menace',
  'paranoid', 'shady', 'brainwashed', 'unemployable', 'feral', 'hazard',
];
export const NEG_ATTR = [...DEROG_NOUNS, ...DEROG_ONE, ...ATTRIBUTES];
/** Positive qualities: denying one of a group ("… are not human", "… can't be trusted") is derogation. */
export const POS_ATTR = new Set([
  'good', 'smart', 'intelligent', 'kind', 'decent', 'human', 'humans', 'people', 'equal', 'welcome', 'worthy', 'valuable',
  'trustworthy', 'trusted', 'capable', 'normal', 'honest', 'beautiful', 'great', 'nice', 'real', 'clever', 'brave', 'competent',
  'deserving', 'important', 'valid', 'worth', 'wanted', 'safe', 'civilized', 'needed', 'useful', 'clean',
  'morals', 'brains', 'soul', 'souls', 'conscience', 'values',
]);
export const HATE_VERBS = ['hate', 'hates', 'despise', 'despises', 'detest', 'detests', 'loathe', 'loathes', 'abhor', 'abhors', 'hating', 'h8', 'ihate', 'ih8'];
/** Harm and removal: after a modal ("… should be deported"), or before the group ("deport all …"). */
export const HARM = new Set([
  'kill', 'killed', 'murder', 'murdered', 'shoot', 'shot', 'hang', 'hanged', 'hung', 'lynch', 'lynched', 'burn', 'burned', 'burnt',
  'gas', 'gassed', 'exterminate', 'exterminated', 'eradicate', 'eradicated', 'eliminate', 'eliminated', 'deport', 'deported',
  'die', 'dead', 'execute', 'executed', 'beat', 'beaten', 'hurt', 'punish', 'punished', 'stab', 'stabbed', 'castrate', 'castrated',
  'sterilize', 'sterilized', 'sterilise', 'sterilised', 'neutered', 'euthanized', 'euthanised', 'drown', 'drowned', 'slaughter',
  'slaughtered', 'removed', 'remove', 'banned', 'ban', 'barred', 'segregated', 'locked', 'caged', 'shipped', 'expelled', 'purged',
  'suffer', 'rot', 'disappear', 'wiped', 'erased', 'destroyed', 'destroy', 'torture', 'tortured', 'imprisoned', 'jailed',
  'interned', 'quarantined', 'aborted', 'attack', 'attacked', 'raped', 'rape', 'enslaved', 'whipped', 'starve', 'starved', 'rounded',
  'kicked', 'thrown', 'driven', 'exiled', 'cleansed',
]);
/** Verbs of expulsion with the particles that finish them ("kick the X out", "kick out the X", "round up the X"). */
export const EXPEL_VERBS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  kick: ['out', 'off', 'away'], throw: ['out', 'away'], run: ['out', 'off'], drive: ['out', 'away', 'off'], chase: ['out', 'away', 'off'],
  push: ['out', 'away'], force: ['out', 'away'], round: ['up'], lock: ['up', 'away'], ship: ['back', 'out', 'off', 'home'],
  send: ['back', 'home', 'away', 'out'], sweep: ['out', 'away'], clear: ['out'], wipe: ['out'], wipes: ['out'], keep: ['out', 'off', 'away'], put: ['down', 'away'],
}).map(([verb, particles]) => [verb, new Set(particles)]));
/**
 * Verbs of fair treatment: refused to a group ("I would never hire a woman", "don't rent to …",
 * "never trust a …") they are exclusion.
 */
export const TREAT_VERBS = new Set([
  'hire', 'hiring', 'employ', 'rent', 'renting', 'lease', 'sell', 'selling', 'serve', 'serving', 'trust', 'vote', 'elect',
  'promote', 'accept', 'admit', 'befriend', 'welcome',
]);
/** Things "refused" to a group in modal sentences ("… shouldn't be allowed to vote"). */
export const RIGHTS = new Set(['allowed', 'exist', 'vote', 'rights', 'marry', 'adopt', 'breed', 'reproduce', 'permitted']);
/**
 * Actions a group is said to do to "us" (negative stereotypes and conspiracy): verbs that are
 * derogatory with any object, and ones that need one (CONSPIRACY_OBJECTS, HARMFUL_THINGS).
 */
export const GROUP_DEEDS = new Set([
  'ruin', 'ruins', 'ruined', 'ruining', 'destroy', 'destroys', 'destroyed', 'destroying', 'infest', 'infests', 'infested',
  'pollute', 'pollutes', 'polluted', 'breed', 'breeds', 'breeding', 'multiply', 'rape', 'rapes', 'groom', 'grooms', 'grooming',
  'steal', 'steals', 'stealing', 'invade', 'invading', 'stink', 'stinks', 'leech', 'leeching', 'suck', 'sucks', 'multiplying',
  'outnumber', 'outnumbering',
]);
export const CONTROL_VERBS = new Set(['control', 'controls', 'controlling', 'run', 'runs', 'running', 'own', 'owns', 'rule', 'rules', 'rig', 'rigged', 'manipulate', 'manipulates']);
export const CONSPIRACY_OBJECTS = new Set([
  'media', 'banks', 'bank', 'banking', 'money', 'council', 'government', 'city', 'world', 'press', 'news', 'newspaper', 'newspapers',
  'hollywood', 'courts', 'police', 'everything', 'economy', 'elections', 'town', 'landlords', 'congress', 'finance', 'politicians',
  'mafia', 'cartel', 'cartels', 'scams', 'scam', 'rackets', 'racket', 'developers', 'judges',
]);
export const BRING_VERBS = new Set(['bring', 'brings', 'brought', 'spread', 'spreads', 'spreading', 'carry', 'carries']);
export const HARMFUL_THINGS = new Set(['crime', 'crimes', 'disease', 'diseases', 'drugs', 'violence', 'gangs', 'aids', 'hiv', 'filth', 'terror', 'terrorism', 'virus', 'viruses', 'covid', 'germs', 'lice']);
/** "take over", "take our jobs", "replace us". */
export const TAKE_VERBS = new Set(['take', 'takes', 'taking', 'taken', 'took', 'replace', 'replacing', 'replaces']);
/** Harm verbs that need no "be" to befall their subject ("… should die", "… can rot"). */
export const INTRANSITIVE_HARM = new Set(['die', 'rot', 'suffer', 'disappear', 'starve', 'burn', 'hang', 'drown', 'dead']);
