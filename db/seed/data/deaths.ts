/** Dates of death of the people in the demo catalogue who have died, by display name (as in people-*.ts). */
export const deathDates: Record<string, string> = {
  // Directors (classic)
  "Fritz Lang": "1976-08-02",
  "Charlie Chaplin": "1977-12-25",
  "Frank Capra": "1991-09-03",
  "Victor Fleming": "1949-01-06",
  "Orson Welles": "1985-10-10",
  "Michael Curtiz": "1962-04-10",
  "Billy Wilder": "2002-03-27",
  "Vittorio De Sica": "1974-11-13",
  "Carol Reed": "1976-04-25",
  "Akira Kurosawa": "1998-09-06",
  "Gene Kelly": "1996-02-02",
  "Yasujirō Ozu": "1963-12-12",
  "William Wyler": "1981-07-27",
  "Alfred Hitchcock": "1980-04-29",
  "Federico Fellini": "1993-10-31",
  "Ingmar Bergman": "2007-07-30",
  "Sidney Lumet": "2011-04-09",
  "François Truffaut": "1984-10-21",
  "Jean-Luc Godard": "2022-09-13",
  "David Lean": "1991-04-16",
  "Stanley Kubrick": "1999-03-07",
  "Sergio Leone": "1989-04-30",
  "Miloš Forman": "2018-04-13",
  "John G. Avildsen": "2017-06-16",
  "Andrei Tarkovsky": "1986-12-29",
  "Wolfgang Petersen": "2022-08-12",

  // Metropolis
  "Gustav Fröhlich": "1987-12-22",
  "Brigitte Helm": "1996-06-11",
  "Alfred Abel": "1937-12-12",
  "Rudolf Klein-Rogge": "1955-05-29",
  "Fritz Rasp": "1976-11-30",
  "Theodor Loos": "1954-06-27",

  // City Lights
  "Virginia Cherrill": "1996-11-14",
  "Allan Garcia": "1938-09-04",
  "Hank Mann": "1971-11-25",
  "Henry Bergman": "1946-10-22",

  // M
  "Peter Lorre": "1964-03-23",
  "Otto Wernicke": "1965-11-07",
  "Gustaf Gründgens": "1963-10-07",

  // It Happened One Night
  "Clark Gable": "1960-11-16",
  "Claudette Colbert": "1996-07-30",
  "Walter Connolly": "1940-05-28",
  "Roscoe Karns": "1970-02-06",
  "Jameson Thomas": "1939-01-10",
  "Ward Bond": "1960-11-05",

  // Modern Times
  "Paulette Goddard": "1990-04-23",
  "Chester Conklin": "1971-10-11",
  "Stanley Sandford": "1961-10-29",

  // The Wizard of Oz
  "Judy Garland": "1969-06-22",
  "Ray Bolger": "1987-01-15",
  "Jack Haley": "1979-06-06",
  "Bert Lahr": "1967-12-04",
  "Margaret Hamilton": "1985-05-16",
  "Frank Morgan": "1949-09-18",
  "Billie Burke": "1970-05-14",

  // Gone with the Wind
  "Vivien Leigh": "1967-07-08",
  "Leslie Howard": "1943-06-01",
  "Olivia de Havilland": "2020-07-26",
  "Hattie McDaniel": "1952-10-26",
  "Thomas Mitchell": "1962-12-17",
  "Butterfly McQueen": "1995-12-22",

  // Citizen Kane
  "Buddy Swan": "1993-03-21",
  "Joseph Cotten": "1994-02-06",
  "Dorothy Comingore": "1971-12-30",
  "Everett Sloane": "1965-08-06",
  "William Alland": "1997-11-11",
  "Agnes Moorehead": "1974-04-30",
  "Ruth Warrick": "2005-01-15",
  "Ray Collins": "1965-07-11",

  // Casablanca
  "Humphrey Bogart": "1957-01-14",
  "Ingrid Bergman": "1982-08-29",
  "Paul Henreid": "1992-03-29",
  "Claude Rains": "1967-05-30",
  "Conrad Veidt": "1943-04-03",
  "Sydney Greenstreet": "1954-01-18",
  "Dooley Wilson": "1953-05-30",

  // Double Indemnity
  "Fred MacMurray": "1991-11-05",
  "Barbara Stanwyck": "1990-01-20",
  "Edward G. Robinson": "1973-01-26",
  "Tom Powers": "1955-11-09",
  "Jean Heather": "1995-10-29",

  // It's a Wonderful Life
  "James Stewart": "1997-07-02",
  "Bobby Anderson": "2008-06-06",
  "Donna Reed": "1986-01-14",
  "Lionel Barrymore": "1954-11-15",
  "Henry Travers": "1965-10-18",
  "Gloria Grahame": "1981-10-05",

  // Bicycle Thieves
  "Lamberto Maggiorani": "1983-04-22",
  "Enzo Staiola": "2025-06-04",
  "Elena Altieri": "1997-05-01",

  // The Third Man
  "Alida Valli": "2006-04-22",
  "Trevor Howard": "1988-01-07",
  "Bernard Lee": "1981-01-16",
  "Ernst Deutsch": "1969-03-22",

  // Sunset Boulevard
  "Gloria Swanson": "1983-04-04",
  "Erich von Stroheim": "1957-05-12",
  "Fred Clark": "1968-12-05",
  "Jack Webb": "1982-12-23",
  "Cecil B. DeMille": "1959-01-21",

  // Rashomon
  "Toshiro Mifune": "1997-12-24",
  "Machiko Kyō": "2019-05-12",
  "Masayuki Mori": "1973-10-07",
  "Takashi Shimura": "1982-02-11",
  "Minoru Chiaki": "1999-11-01",

  // Singin' in the Rain
  "Donald O'Connor": "2003-09-27",
  "Debbie Reynolds": "2016-12-28",
  "Jean Hagen": "1977-08-29",
  "Millard Mitchell": "1953-10-13",
  "Cyd Charisse": "2008-06-17",

  // Tokyo Story
  "Chishū Ryū": "1993-03-16",
  "Chieko Higashiyama": "1980-05-08",
  "Setsuko Hara": "2015-09-05",
  "Haruko Sugimura": "1997-04-04",
  "Sō Yamamura": "2000-05-26",

  // Roman Holiday
  "Audrey Hepburn": "1993-01-20",
  "Gregory Peck": "2003-06-12",
  "Eddie Albert": "2005-05-26",
  "Harcourt Williams": "1957-12-13",
  "Margaret Rawlings": "1996-05-19",

  // Seven Samurai
  "Isao Kimura": "1981-07-04",
  "Seiji Miyaguchi": "1985-04-12",
  "Daisuke Katō": "1975-07-31",
  "Keiko Tsushima": "2012-08-01",

  // Rear Window
  "Grace Kelly": "1982-09-14",
  "Wendell Corey": "1968-11-08",
  "Thelma Ritter": "1969-02-05",
  "Raymond Burr": "1993-09-12",
  "Ross Bagdasarian": "1972-01-16",

  // La Strada
  "Giulietta Masina": "1994-03-23",
  "Anthony Quinn": "2001-06-03",
  "Richard Basehart": "1984-09-17",
  "Aldo Silvani": "1964-11-12",
  "Marcella Rovena": "1991-10-06",

  // The Seventh Seal
  "Max von Sydow": "2020-03-08",
  "Gunnar Björnstrand": "1986-05-26",
  "Bengt Ekerot": "1971-11-26",
  "Nils Poppe": "2000-06-28",
  "Bibi Andersson": "2019-04-14",
  "Gunnel Lindblom": "2021-01-24",

  // 12 Angry Men
  "Henry Fonda": "1982-08-12",
  "Lee J. Cobb": "1976-02-11",
  "Ed Begley": "1970-04-28",
  "E.G. Marshall": "1998-08-24",
  "Jack Warden": "2006-07-19",
  "Martin Balsam": "1996-02-13",
  "Joseph Sweeney": "1963-11-25",
  "John Fiedler": "2005-06-25",

  // Vertigo
  "Barbara Bel Geddes": "2005-08-08",
  "Tom Helmore": "1995-09-12",
  "Henry Jones": "1999-05-17",
  "Ellen Corby": "1999-04-14",

  // Some Like It Hot
  "Marilyn Monroe": "1962-08-04",
  "Tony Curtis": "2010-09-29",
  "Jack Lemmon": "2001-06-27",
  "George Raft": "1980-11-24",
  "Pat O'Brien": "1983-10-15",
  "Joe E. Brown": "1973-07-06",

  // The 400 Blows
  "Albert Rémy": "1967-01-26",
  "Jeanne Moreau": "2017-07-31",

  // North by Northwest
  "Cary Grant": "1986-11-29",
  "James Mason": "1984-07-27",
  "Jessie Royce Landis": "1972-02-02",
  "Leo G. Carroll": "1972-10-16",
  "Martin Landau": "2017-07-15",

  // Psycho
  "Anthony Perkins": "1992-09-12",
  "Janet Leigh": "2004-10-03",
  "John Gavin": "2018-02-09",
  "John McIntire": "1991-01-30",
  "Simon Oakland": "1983-08-29",

  // La Dolce Vita
  "Marcello Mastroianni": "1996-12-19",
  "Anita Ekberg": "2015-01-11",
  "Anouk Aimée": "2024-06-18",
  "Alain Cuny": "1994-05-16",
  "Lex Barker": "1973-05-11",
  "Magali Noël": "2015-06-23",

  // Breathless
  "Jean-Paul Belmondo": "2021-09-06",
  "Daniel Boulanger": "2014-10-27",
  "Jean-Pierre Melville": "1973-08-02",

  // Lawrence of Arabia
  "Peter O'Toole": "2013-12-14",
  "Omar Sharif": "2015-07-10",
  "Alec Guinness": "2000-08-05",
  "Jack Hawkins": "1973-07-18",
  "Arthur Kennedy": "1990-01-05",
  "Anthony Quayle": "1989-10-20",

  // Dr. Strangelove
  "Peter Sellers": "1980-07-24",
  "George C. Scott": "1999-09-22",
  "Sterling Hayden": "1986-05-23",
  "Slim Pickens": "1983-12-08",
  "Peter Bull": "1984-05-20",
  "James Earl Jones": "2024-09-09",

  // The Good, the Bad and the Ugly
  "Eli Wallach": "2014-06-24",
  "Lee Van Cleef": "1989-12-16",
  "Luigi Pistilli": "1996-04-21",
  "Aldo Giuffrè": "2010-06-26",
  "Mario Brega": "1994-07-23",

  // 2001: A Space Odyssey
  "Douglas Rain": "2018-11-11",
  "William Sylvester": "1995-01-25",
  "Leonard Rossiter": "1984-10-05",
  "Margaret Tyzack": "2011-06-25",

  // Once Upon a Time in the West
  "Charles Bronson": "2003-08-30",
  "Claudia Cardinale": "2025-09-23",
  "Jason Robards": "2000-12-26",
  "Gabriele Ferzetti": "2015-12-02",
  "Frank Wolff": "1971-12-12",
  "Paolo Stoppa": "1988-05-01",

  // The Godfather / Part II
  "Marlon Brando": "2004-07-01",
  "James Caan": "2022-07-06",
  "Robert Duvall": "2026-02-15",
  "Diane Keaton": "2025-10-11",
  "John Cazale": "1978-03-12",
  "Richard Castellano": "1988-12-10",
  "Lee Strasberg": "1982-02-17",
  "Michael V. Gazzo": "1995-02-14",
  "John Aprea": "2024-08-05",
  "Abe Vigoda": "2016-01-26",

  // Chinatown
  "John Huston": "1987-08-28",
  "Perry Lopez": "2008-02-10",
  "John Hillerman": "2017-11-09",
  "Diane Ladd": "2025-11-03",

  // Jaws
  "Roy Scheider": "2008-02-10",
  "Robert Shaw": "1978-08-28",
  "Murray Hamilton": "1986-09-01",

  // One Flew Over the Cuckoo's Nest
  "Louise Fletcher": "2022-09-23",
  "Will Sampson": "1987-06-03",
  "William Redfield": "1976-08-17",
  "Sydney Lassick": "2003-04-12",

  // Taxi Driver
  "Peter Boyle": "2006-12-12",

  // Rocky
  "Burt Young": "2023-10-08",
  "Carl Weathers": "2024-02-01",
  "Burgess Meredith": "1997-09-09",
  "Thayer David": "1978-07-17",
  "Joe Spinell": "1989-01-13",

  // Star Wars
  "Carrie Fisher": "2016-12-27",
  "David Prowse": "2020-11-28",
  "Peter Cushing": "1994-08-11",
  "Peter Mayhew": "2019-04-30",

  // Annie Hall
  "Tony Roberts": "2025-02-07",
  "Shelley Duvall": "2024-07-11",
  "Colleen Dewhurst": "1991-08-22",

  // Alien
  "Harry Dean Stanton": "2017-09-15",
  "John Hurt": "2017-01-25",
  "Ian Holm": "2020-06-19",
  "Yaphet Kotto": "2021-03-15",

  // Apocalypse Now
  "Frederic Forrest": "2023-06-23",
  "Sam Bottoms": "2008-12-16",
  "Dennis Hopper": "2010-05-29",

  // Stalker
  "Alexander Kaidanovsky": "1995-12-03",
  "Anatoly Solonitsyn": "1982-06-11",
  "Nikolai Grinko": "1989-04-10",

  // The Shining
  "Scatman Crothers": "1986-11-22",
  "Philip Stone": "2003-06-15",
  "Joe Turkel": "2022-06-27",
  "Barry Nelson": "2007-04-07",

  // Raging Bull
  "Frank Vincent": "2017-09-13",
  "Nicholas Colasanto": "1985-02-12",
  "Theresa Saldana": "2016-06-06",

  // Raiders of the Lost Ark
  "Ronald Lacey": "1991-05-15",
  "Denholm Elliott": "1992-10-06",

  // Das Boot
  "Klaus Wennemann": "2000-01-07",
  "Jan Fedder": "2019-12-30",

  // Blade Runner
  "Rutger Hauer": "2019-07-19",
  "M. Emmet Walsh": "2024-03-19",

  // Fanny and Alexander
  "Gunn Wållgren": "1983-06-04",
  "Erland Josephson": "2012-02-25",
  "Allan Edwall": "1997-02-07",

  // Amadeus
  "Roy Dotrice": "2017-10-16",
  "Charles Kay": "2025-01-08",

  // Modern catalogue
  "Alan Rickman": "2016-01-14",
  "Alexander Godunov": "1995-05-18",
  "Bernard Hill": "2024-05-05",
  "Bill Paxton": "2017-02-25",
  "Bob Peck": "1999-04-04",
  "Bruno Ganz": "2019-02-16",
  "Bunta Sugawara": "2014-11-28",
  "Cheng Pei-pei": "2024-07-17",
  "Christopher Lee": "2015-06-07",
  "Curt Bois": "1991-12-25",
  "Danny Aiello": "2019-12-12",
  "Don Rickles": "2017-04-06",
  "Earl Boen": "2023-01-05",
  "Elem Klimov": "2003-10-26",
  "Fred Willard": "2020-05-15",
  "Gloria Foster": "2001-09-29",
  "Gloria Stuart": "2010-09-26",
  "Harve Presnell": "2009-06-30",
  "Heath Ledger": "2008-01-22",
  "Hitoshi Takagi": "2004-02-11",
  "Horst Buchholz": "2003-03-03",
  "Hugh Keays-Byrne": "2020-12-01",
  "Irrfan Khan": "2020-04-29",
  "Jacques Perrin": "2022-04-21",
  "James Whitmore": "2009-02-06",
  "Jim Varney": "2000-02-10",
  "Jinpachi Nezu": "2016-12-29",
  "Jonathan Demme": "2017-04-26",
  "Lee Sun-kyun": "2023-12-27",
  "Leopoldo Trieste": "2003-01-25",
  "Leslie Cheung": "2003-04-01",
  "Marisa Paredes": "2024-12-17",
  "Marília Pêra": "2015-12-05",
  "Meat Loaf": "2022-01-20",
  "Otto Sander": "2013-09-12",
  "Paul Gleason": "2006-05-27",
  "Paul Sorvino": "2022-07-25",
  "Peter Falk": "2011-06-23",
  "Philippe Noiret": "2006-11-23",
  "Pupella Maggio": "1999-12-08",
  "R. Lee Ermey": "2018-04-15",
  "Ray Liotta": "2022-05-26",
  "Richard Attenborough": "2014-08-24",
  "Richard Harris": "2002-10-25",
  "Serge Merlin": "2019-02-16",
  "Solveig Dommartin": "2007-01-11",
  "Tanie Kitabayashi": "2010-04-27",
  "Tatsuya Nakadai": "2025-11-08",
  "Tom Sizemore": "2023-03-03",
  "Ulrich Mühe": "2007-07-22",
  "Val Kilmer": "2025-04-01",
  "Álex Angulo": "2014-07-20",
};
