/**
 * Words the synthetic catalogue is made of: countries with their weight in world film production and their
 * naming culture, name pools (Faker's locale data, plus small romanized lists where Faker only has native
 * scripts), and the pieces of titles, descriptions and biographies.
 */
import {
  fakerCS_CZ,
  fakerDA,
  fakerDE,
  fakerDE_AT,
  fakerEN_AU,
  fakerEN_GB,
  fakerEN_IN,
  fakerEN_NG,
  fakerEN_US,
  fakerEN_ZA,
  fakerES,
  fakerES_MX,
  fakerFI,
  fakerFR,
  fakerHR,
  fakerHU,
  fakerID_ID,
  fakerIT,
  fakerNB_NO,
  fakerNL,
  fakerPL,
  fakerPT_BR,
  fakerPT_PT,
  fakerRO,
  fakerSK,
  fakerSV,
  fakerTR,
  fakerVI,
  type Faker,
} from "@faker-js/faker";

export type NamePool = { female: readonly string[]; male: readonly string[]; last: readonly string[]; lastFemale?: readonly string[] };

type Gendered = { generic?: string[]; female?: string[]; male?: string[] };

function fromFaker(f: Faker): NamePool {
  const person = f.definitions.person as unknown as { first_name: Gendered; last_name: Gendered };
  const first = person.first_name;
  const last = person.last_name;
  const gendered = !last.generic || last.generic.length < 20;
  return {
    female: [...(first.female ?? []), ...(first.generic ?? [])],
    male: [...(first.male ?? []), ...(first.generic ?? [])],
    last: gendered ? (last.male ?? last.generic ?? []) : last.generic!,
    lastFemale: gendered ? (last.female ?? undefined) : undefined,
  };
}

const split = (text: string) => text.split(",").map((s) => s.trim());
/** For lists of phrases that contain commas. */
const phrases = (text: string) => text.split("|").map((s) => s.trim());

// Faker has these languages in their native scripts only; films are catalogued under romanized names.
const romanized: Record<string, NamePool> = {
  ja: {
    male: split("Hiroshi,Takeshi,Kenji,Akira,Haruki,Satoshi,Daisuke,Kazuo,Makoto,Ryo,Shota,Toshiro,Yasujiro,Masaki,Hayao,Koji,Takumi,Sho,Naoki,Jun,Tatsuya,Yuto"),
    female: split("Yoko,Keiko,Hana,Sakura,Aiko,Naomi,Setsuko,Kinuyo,Rinko,Mariko,Emi,Haruka,Yui,Aoi,Noriko,Machiko,Kyoko,Sayuri,Yuki,Mei"),
    last: split("Tanaka,Suzuki,Takahashi,Watanabe,Ito,Yamamoto,Nakamura,Kobayashi,Kato,Yoshida,Yamada,Sasaki,Matsumoto,Inoue,Kimura,Hayashi,Shimizu,Ozu,Kurosawa,Mifune,Hara,Kitano,Miyazaki,Koreeda,Ando,Fujita,Ogawa,Okada,Mori,Ishikawa"),
  },
  ko: {
    male: split("Min-jun,Seo-jun,Ji-hoon,Hyun-woo,Sung-min,Dong-hyun,Joon-ho,Kang-ho,Byung-hun,Woo-sung,Jae-hyun,Tae-yang,Chan-wook,Sang-woo"),
    female: split("Ji-woo,Seo-yeon,Min-seo,Ha-eun,Soo-ah,Yoo-jin,Do-na,Ye-jin,Hye-jin,Jung-eun,Su-bin,Da-eun,Min-hee,Yeo-jeong"),
    last: split("Kim,Lee,Park,Choi,Jung,Kang,Cho,Yoon,Jang,Lim,Han,Oh,Seo,Shin,Kwon,Song,Bong,Hong,Jeon,Bae"),
  },
  zh: {
    male: split("Wei,Jun,Hao,Lei,Ming,Jian,Tao,Yang,Zhi,Kai,Bo,Long,Feng,Yun,Tony,Chow,Ang,Wen"),
    female: split("Li,Mei,Xiu,Ying,Fang,Hui,Jing,Lan,Yan,Xiao,Zhen,Ling,Qing,Maggie,Gong"),
    last: split("Wang,Li,Zhang,Liu,Chen,Yang,Huang,Zhao,Wu,Zhou,Xu,Sun,Ma,Zhu,Hu,Guo,He,Lin,Gao,Luo,Leung,Chan,Wong,Cheung,Lau,Tsui"),
  },
  ru: {
    male: split("Alexei,Dmitri,Ivan,Sergei,Mikhail,Andrei,Nikolai,Yuri,Vladimir,Pavel,Oleg,Boris,Konstantin,Grigori,Fyodor,Artyom"),
    female: split("Anna,Olga,Natalia,Elena,Irina,Tatiana,Svetlana,Yulia,Ekaterina,Marina,Vera,Ksenia,Lyudmila,Daria"),
    last: split("Ivanov,Petrov,Smirnov,Sokolov,Popov,Lebedev,Kozlov,Novikov,Morozov,Volkov,Tarkovsky,Mikhalkov,Zvyagintsev,Bondarchuk,Kuznetsov,Orlov"),
    lastFemale: split("Ivanova,Petrova,Smirnova,Sokolova,Popova,Lebedeva,Kozlova,Novikova,Morozova,Volkova,Tarkovskaya,Mikhalkova,Zvyagintseva,Bondarchuk,Kuznetsova,Orlova"),
  },
  ar: {
    male: split("Omar,Youssef,Ahmed,Karim,Tarek,Hassan,Khaled,Nabil,Samir,Mahmoud,Ziad,Adel"),
    female: split("Nour,Yasmin,Leila,Salma,Mona,Hind,Rania,Dalia,Amira,Faten,Nadine,Souad"),
    last: split("Hassan,Mansour,El-Sayed,Haddad,Khoury,Nasser,Farouk,Saleh,Chahine,Labaki,Bennani,Tazi,Hamama,Sharif"),
  },
  fa: {
    male: split("Abbas,Asghar,Jafar,Majid,Reza,Mohsen,Bahman,Dariush,Shahab,Payman,Navid"),
    female: split("Leila,Golshifteh,Taraneh,Niki,Fatemeh,Shirin,Maryam,Hediyeh,Sareh,Parisa"),
    last: split("Kiarostami,Farhadi,Panahi,Majidi,Ahmadi,Hosseini,Tehrani,Rahimi,Karimi,Moradi,Alidoosti,Makhmalbaf"),
  },
  el: {
    male: split("Yorgos,Nikos,Dimitris,Kostas,Giannis,Theo,Christos,Panos,Michalis"),
    female: split("Eleni,Maria,Katerina,Sofia,Ariane,Angeliki,Despina,Irene"),
    last: split("Lanthimos,Papadopoulos,Angelopoulos,Georgiou,Nikolaidis,Dimitriou,Karras,Kazantzidis,Cacoyannis"),
  },
  th: {
    male: split("Apichatpong,Somchai,Krit,Nattapong,Sakda,Wisit,Pen-Ek,Tony"),
    female: split("Ploy,Nong,Siriporn,Kanya,Chutimon,Davika,Araya"),
    last: split("Weerasethakul,Srisai,Chaiyaporn,Boonmee,Wongsa,Sasanatieng,Ratanaruang,Jaa"),
  },
  he: {
    male: split("Ari,Yoav,Amos,Eran,Nadav,Shmuel,Avi,Uri"),
    female: split("Noa,Tali,Yael,Ronit,Shira,Gila,Dana,Maya"),
    last: split("Cohen,Levi,Mizrahi,Peretz,Gitai,Kolirin,Folman,Elkabetz,Maoz"),
  },
};

const fakerCultures: Record<string, Faker> = {
  en: fakerEN_US,
  gb: fakerEN_GB,
  au: fakerEN_AU,
  za: fakerEN_ZA,
  ng: fakerEN_NG,
  in: fakerEN_IN,
  fr: fakerFR,
  de: fakerDE,
  at: fakerDE_AT,
  es: fakerES,
  mx: fakerES_MX,
  it: fakerIT,
  br: fakerPT_BR,
  pt: fakerPT_PT,
  sv: fakerSV,
  da: fakerDA,
  nb: fakerNB_NO,
  fi: fakerFI,
  pl: fakerPL,
  nl: fakerNL,
  tr: fakerTR,
  cs: fakerCS_CZ,
  sk: fakerSK,
  hu: fakerHU,
  ro: fakerRO,
  hr: fakerHR,
  id: fakerID_ID,
  vi: fakerVI,
};

export const namePools: Record<string, NamePool> = {
  ...Object.fromEntries(Object.entries(fakerCultures).map(([k, f]) => [k, fromFaker(f)])),
  ...romanized,
};

/** Title language for native-language titles (other cultures get English titles). */
export type TitleLanguage = "fr" | "es" | "de" | "it" | "pt" | "ja";

export type CountrySpec = { name: string; weight: number; culture: string; language?: TitleLanguage; cities: string[] };

const c = (name: string, weight: number, culture: string, cities: string, language?: TitleLanguage): CountrySpec => ({
  name,
  weight,
  culture,
  cities: split(cities),
  language,
});

/** About sixty producing countries, weighted roughly by their share of the world's catalogued films. */
export const COUNTRIES: CountrySpec[] = [
  c("United States", 30, "en", "Los Angeles,New York,Chicago,San Francisco,New Orleans,Boston,Austin"),
  c("United Kingdom", 7, "gb", "London,Manchester,Glasgow,Liverpool,Edinburgh,Bristol"),
  c("France", 7, "fr", "Paris,Marseille,Lyon,Nice,Bordeaux,Lille", "fr"),
  c("India", 6, "in", "Mumbai,Chennai,Kolkata,Hyderabad,Delhi,Bangalore"),
  c("Japan", 5, "ja", "Tokyo,Kyoto,Osaka,Yokohama,Hiroshima,Sapporo", "ja"),
  c("Germany", 4, "de", "Berlin,Munich,Hamburg,Cologne,Frankfurt,Leipzig", "de"),
  c("Italy", 4, "it", "Rome,Milan,Naples,Turin,Palermo,Venice", "it"),
  c("Spain", 3, "es", "Madrid,Barcelona,Seville,Valencia,Bilbao", "es"),
  c("Canada", 2.5, "en", "Toronto,Montreal,Vancouver,Quebec City,Calgary"),
  c("South Korea", 2.5, "ko", "Seoul,Busan,Incheon,Daegu"),
  c("China", 2.5, "zh", "Beijing,Shanghai,Chongqing,Xi'an,Wuhan"),
  c("Hong Kong", 1.5, "zh", "Hong Kong,Kowloon"),
  c("Mexico", 1.5, "mx", "Mexico City,Guadalajara,Monterrey,Oaxaca", "es"),
  c("Australia", 1.2, "au", "Sydney,Melbourne,Brisbane,Perth,Adelaide"),
  c("Brazil", 1.2, "br", "São Paulo,Rio de Janeiro,Salvador,Recife,Brasília", "pt"),
  c("Sweden", 1, "sv", "Stockholm,Gothenburg,Malmö,Uppsala"),
  c("Russia", 1, "ru", "Moscow,Saint Petersburg,Kazan,Novosibirsk"),
  c("Denmark", 0.8, "da", "Copenhagen,Aarhus,Odense"),
  c("Argentina", 0.8, "es", "Buenos Aires,Córdoba,Rosario,Mendoza", "es"),
  c("Poland", 0.7, "pl", "Warsaw,Kraków,Łódź,Gdańsk,Wrocław"),
  c("Turkey", 0.7, "tr", "Istanbul,Ankara,İzmir,Antalya"),
  c("Netherlands", 0.6, "nl", "Amsterdam,Rotterdam,Utrecht,The Hague"),
  c("Belgium", 0.6, "fr", "Brussels,Antwerp,Liège,Ghent", "fr"),
  c("Iran", 0.6, "fa", "Tehran,Isfahan,Shiraz,Tabriz"),
  c("Taiwan", 0.6, "zh", "Taipei,Kaohsiung,Taichung"),
  c("Nigeria", 0.6, "ng", "Lagos,Abuja,Ibadan,Port Harcourt"),
  c("Ireland", 0.5, "gb", "Dublin,Cork,Galway,Limerick"),
  c("Norway", 0.5, "nb", "Oslo,Bergen,Trondheim,Tromsø"),
  c("Egypt", 0.5, "ar", "Cairo,Alexandria,Luxor,Giza"),
  c("Czech Republic", 0.5, "cs", "Prague,Brno,Ostrava"),
  c("Finland", 0.4, "fi", "Helsinki,Tampere,Turku"),
  c("Hungary", 0.4, "hu", "Budapest,Debrecen,Szeged"),
  c("Austria", 0.4, "at", "Vienna,Salzburg,Graz,Innsbruck", "de"),
  c("Switzerland", 0.4, "de", "Zurich,Geneva,Basel,Lausanne", "de"),
  c("Romania", 0.4, "ro", "Bucharest,Cluj-Napoca,Timișoara,Iași"),
  c("Thailand", 0.4, "th", "Bangkok,Chiang Mai,Phuket"),
  c("Indonesia", 0.4, "id", "Jakarta,Bandung,Surabaya,Yogyakarta"),
  c("Philippines", 0.4, "en", "Manila,Cebu,Davao"),
  c("Portugal", 0.3, "pt", "Lisbon,Porto,Coimbra", "pt"),
  c("Greece", 0.3, "el", "Athens,Thessaloniki,Heraklion"),
  c("Israel", 0.3, "he", "Tel Aviv,Jerusalem,Haifa"),
  c("South Africa", 0.3, "za", "Johannesburg,Cape Town,Durban"),
  c("New Zealand", 0.3, "au", "Auckland,Wellington,Christchurch"),
  c("Chile", 0.3, "es", "Santiago,Valparaíso,Concepción", "es"),
  c("Colombia", 0.3, "es", "Bogotá,Medellín,Cali,Cartagena", "es"),
  c("Ukraine", 0.3, "ru", "Kyiv,Odesa,Lviv,Kharkiv"),
  c("Croatia", 0.2, "hr", "Zagreb,Split,Rijeka"),
  c("Serbia", 0.2, "hr", "Belgrade,Novi Sad,Niš"),
  c("Morocco", 0.2, "ar", "Casablanca,Marrakesh,Rabat,Tangier", "fr"),
  c("Vietnam", 0.2, "vi", "Hanoi,Ho Chi Minh City,Huế,Da Nang"),
  c("Pakistan", 0.2, "in", "Karachi,Lahore,Islamabad"),
  c("Lebanon", 0.15, "ar", "Beirut,Tripoli,Byblos", "fr"),
  c("Cuba", 0.15, "es", "Havana,Santiago de Cuba", "es"),
  c("Peru", 0.15, "es", "Lima,Cusco,Arequipa", "es"),
  c("Slovakia", 0.1, "sk", "Bratislava,Košice"),
  c("Iceland", 0.1, "nb", "Reykjavík,Akureyri"),
  c("Senegal", 0.1, "fr", "Dakar,Saint-Louis", "fr"),
  c("Bangladesh", 0.1, "in", "Dhaka,Chittagong"),
  c("Singapore", 0.1, "zh", "Singapore"),
  c("Estonia", 0.05, "fi", "Tallinn,Tartu"),
];

export const TITLE_NOUNS = split(
  "Shadow,Night,River,Storm,Heart,Empire,Dream,Secret,Road,Fire,Silence,Garden,Winter,Summer,Stranger,Ghost,Hunter,Queen,King,City,Island,Moon,Star,Sea,Mountain,Desert,Rain,Snow,Wind,Thunder,Glass,Mirror,Window,Door,House,Station,Harbor,Bridge,Tower,Crown,Sword,Blood,Bone,Iron,Gold,Silver,Diamond,Rose,Orchid,Wolf,Fox,Raven,Hawk,Tiger,Horse,Whale,Spider,Angel,Devil,Saint,Soldier,Spy,Thief,Detective,Doctor,Teacher,Widow,Bride,Daughter,Son,Mother,Father,Brother,Sister,Child,Orphan,Prince,Princess,Emperor,Pilot,Sailor,Dancer,Singer,Painter,Writer,Witness,Verdict,Promise,Memory,Letter,Song,Symphony,Waltz,Tango,Journey,Voyage,Escape,Return,Revenge,Betrayal,Conspiracy,Legacy,Frontier,Horizon,Paradise,Inferno,Kingdom,Republic,Revolution,Harvest,Carnival,Circus,Theatre,Machine,Signal,Code,Echo,Pulse,Gravity,Orbit,Planet,Galaxy,Comet,Eclipse,Dawn,Dusk,Midnight,Twilight,Morning,Season,Century,Hour,Lighthouse,Labyrinth,Valley,Forest,Canyon,Avenue,Hotel,Casino,Train,Ship,Ocean",
);

export const TITLE_ADJECTIVES = split(
  "Last,First,Lost,Silent,Hidden,Broken,Burning,Frozen,Golden,Crimson,Scarlet,Black,White,Blue,Green,Red,Dark,Bright,Eternal,Endless,Forgotten,Wild,Quiet,Lonely,Savage,Gentle,Bitter,Sweet,Strange,Sacred,Deadly,Fatal,Perfect,Impossible,Invisible,Little,Great,Long,Final,Distant,Hollow,Wicked,Beautiful,Restless,Fearless,Reckless,Northern,Southern,Electric,Atomic,Infinite,Cold,Deep,Paper,Velvet,Marble,Crystal,Secret,Open,Naked,Seventh,Third",
);

export const TITLE_PLACES = split(
  "Paris,Rome,Berlin,Tokyo,Casablanca,Vienna,Lisbon,Havana,Shanghai,Istanbul,Cairo,Moscow,Madrid,Brooklyn,Manhattan,Chicago,Texas,Nevada,Alaska,Montana,Provence,Tuscany,Bombay,Hong Kong,Seoul,Sicily,Marseille,Venice,Naples,Budapest,Prague,Warsaw,Dublin,Glasgow,London,Mexico,Rio,Buenos Aires,the Sahara,Mars,Atlantis,Eden,the North,the Valley,the Coast,Route 66,Sunset Boulevard,Harlem",
);

export const TITLE_GERUNDS = split("Chasing,Finding,Waiting for,Searching for,Saving,Loving,Remembering,Leaving,Becoming,Breaking,Crossing,Dancing with,Running from,Hunting,Stealing,Kissing,Burying,Meeting,Following,Killing");

export const NATIVE_TITLES: Record<TitleLanguage, { words: string[]; joiner: string; of: string; places: string[] }> = {
  fr: {
    words: split("La Nuit,Le Jour,L'Été,L'Hiver,La Rivière,Le Rêve,La Fenêtre,La Mémoire,Le Cœur,La Forêt,L'Île,La Lumière,L'Étoile,Le Silence,La Fête,La Maison,Le Voyage,La Vérité,Les Enfants,Le Mépris,La Chambre,Le Départ,Les Amants,La Belle Époque,Le Château,La Bête,Le Ciel,La Haine,Les Âmes Perdues,Le Garçon,La Fille"),
    joiner: "et",
    of: "de",
    places: split("Paris,Marseille,Lyon,Montréal,Genève,Bruxelles,Dakar,Tanger,Beyrouth"),
  },
  es: {
    words: split("El Laberinto,La Casa,El Silencio,La Noche,El Sueño,La Lluvia,El Corazón,La Canción,El Camino,La Memoria,Los Olvidados,El Espíritu,La Isla,El Jardín,La Montaña,El Río,La Señora,El Niño,La Niña,El Último Verano,La Ciudad,El Mar,La Huida,El Secreto,Las Golondrinas"),
    joiner: "y",
    of: "de",
    places: split("Madrid,Sevilla,Buenos Aires,México,Bogotá,Lima,La Habana,Barcelona,Valparaíso"),
  },
  de: {
    words: split("Die Nacht,Der Himmel,Das Boot,Die Mauer,Der Traum,Die Brücke,Das Leben,Die Stille,Der Sturm,Die Reise,Das Schweigen,Der Tunnel,Die Fälscher,Das Haus,Die Welle,Der Untergang,Die Zeit,Das Fenster,Die Schwestern,Der Fluss,Die Brüder,Das Märchen"),
    joiner: "und",
    of: "über",
    places: split("Berlin,Wien,München,Hamburg,Zürich,Köln,Dresden"),
  },
  it: {
    words: split("La Strada,La Dolce Vita,Il Sorpasso,La Notte,Il Giardino,La Città,Il Mare,La Famiglia,Il Silenzio,La Luna,Il Segreto,La Voce,Il Ritorno,L'Estate,Il Viaggio,La Bellezza,Il Sole,Le Stagioni,Il Padre,La Madre,Il Gattopardo"),
    joiner: "e",
    of: "di",
    places: split("Roma,Napoli,Milano,Venezia,Palermo,Torino,Firenze"),
  },
  pt: {
    words: split("A Cidade,O Rio,A Casa,O Silêncio,A Noite,O Sertão,A Praia,O Caminho,A Saudade,O Coração,A Ilha,O Mar,Os Sonhos,A Estrada"),
    joiner: "e",
    of: "de",
    places: split("Lisboa,Porto,São Paulo,Salvador,Recife,Brasília"),
  },
  ja: {
    words: split("Yume,Hana,Kaze,Umi,Tsuki,Ame,Kokoro,Sora,Hikari,Kage,Yuki,Hoshi,Natsu,Fuyu,Mori"),
    joiner: "to",
    of: "no",
    places: split("Tokyo,Kyoto,Osaka,Edo,Hokkaido,Okinawa"),
  },
};

export const JOBS = split(
  "detective,nurse,schoolteacher,boxer,jazz pianist,fisherman,journalist,widow,soldier,farmer,taxi driver,lawyer,chef,astronaut,painter,mechanic,priest,smuggler,ballerina,photographer,librarian,surgeon,con artist,mountaineer,lighthouse keeper,translator,architect,gambler,singer,police officer,bank clerk,novelist,teenager,rancher,diplomat,spy,magician,nun,truck driver,pilot",
);
export const PEOPLE_ADJECTIVES = split("young,retired,ambitious,disgraced,lonely,stubborn,idealistic,reluctant,grieving,brilliant,ageing,naive,restless,gifted,exiled,small-town,headstrong,weary,charming,penniless");
export const PLOTS = phrases(
  "returns home after twenty years away|uncovers a conspiracy that reaches the highest levels of government|falls for a stranger during one long summer|must protect a witness nobody else believes|takes a job that is too good to be true|tries to hold a family together through a hard winter|sets out to find a missing sister|is drawn into a dangerous game of chance|inherits a crumbling hotel by the sea|plans one last heist before retiring|is stranded on a remote island with a rival|joins a travelling circus to escape the past|investigates a series of strange disappearances|trains for the fight of a lifetime|discovers a signal from deep space|fights to save a village from developers|agrees to drive a stranger across the country|wakes up with no memory of the night before|is sent to a distant outpost at the edge of the map|receives a letter that was never meant to arrive|must choose between loyalty and the truth|befriends a runaway with a dangerous secret|tries to win back the only love of a lifetime|is hired to find a painting that should not exist",
)
export const FOLLOW_UPS = phrases(
  "What begins as a favour becomes a reckoning.|Along the way, old loyalties are tested.|Nothing is quite what it seems.|The story unfolds over a single night.|A portrait of friendship, ambition and the price of freedom.|Told with humour and tenderness.|Time is running out.|Every choice has a cost.|An unexpected alliance changes everything.|Old wounds reopen as the past catches up.|The truth, when it comes, is stranger than anyone imagined.|A quiet film about love, grief and starting over.|Secrets surface one by one.|The whole town is watching.",
);

export const CAREER_STARTS = phrases("acting in school plays|performing on stage in local theatre|as a model|as a stand-up comedian|in television commercials|as a dancer|writing short films|as a stunt performer|on radio dramas|as a child actor|in a touring repertory company|as a film student");
export const CAREER_PATHS = phrases(
  "moved into feature films a few years later|became a familiar face in genre films|earned critical praise for a run of supporting roles|built a long career in independent cinema|found international fame with a string of box-office hits|worked steadily in film and television for decades|became known for collaborations with a handful of directors|divided the years between the stage and the screen|turned to directing after a decade in front of the camera",
);
export const CAREER_NOTES = phrases(
  "Colleagues describe a meticulous approach to every role.|Several performances are now considered classics of their era.|Also a published author of short stories.|A committed supporter of film restoration projects.|Known for choosing small, personal projects over large productions.|Teaches acting workshops between films.|Often works with the same small circle of collaborators.",
);

export const MINOR_ROLES = split("The Bartender,Waitress,Police Officer,Nurse,Taxi Driver,Doorman,Reporter,Priest,Receptionist,Guard,Soldier,The Stranger,Old Man,Young Woman,Narrator,Shopkeeper,Neighbour,Bus Driver,Hotel Clerk,Photographer");
export const TITLED_ROLES = split("Detective,Dr.,Mrs.,Captain,Officer,Professor,Inspector,Judge,Sergeant,Mr.,Miss,Father");
