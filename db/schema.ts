/**
 * The data model of ../shared/design/er-diagram.md, table and column names exactly as there.
 * Additions (listed in README's data-model section): user_.role, file_.size_bytes, case-insensitive unique
 * username/email, CHECK constraints, indexes on every foreign key and on the reverse direction of join tables,
 * and the ON DELETE behaviour chosen per foreign key. updated_at is maintained by a trigger (see the custom
 * migration 0001) so that every UPDATE, from the app or from psql, keeps it true.
 */
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";

const timestamps = {
  created_at: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updated_at: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();

export const USER_ROLES = ["user", "editor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const file_ = pgTable(
  "file_",
  {
    id: id(),
    file_name: varchar("file_name", { length: 255 }).notNull(),
    mime_type: varchar("mime_type", { length: 127 }).notNull(),
    file_key: varchar("file_key", { length: 255 }).notNull(),
    file_url: text("file_url").notNull(),
    is_public: boolean("is_public").notNull().default(true),
    size_bytes: integer("size_bytes"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("file_file_key_uq").on(t.file_key),
    index("file_name_trgm_idx").using("gin", sql`marquee_search_key(${t.file_name}) gin_trgm_ops`),
    check("file_size_bytes_check", sql`${t.size_bytes} IS NULL OR ${t.size_bytes} >= 0`),
  ],
);

export const user_ = pgTable(
  "user_",
  {
    id: id(),
    username: varchar("username", { length: 32 }).notNull(),
    first_name: varchar("first_name", { length: 100 }).notNull(),
    last_name: varchar("last_name", { length: 100 }).notNull(),
    email: varchar("email", { length: 254 }).notNull(),
    password: varchar("password", { length: 255 }).notNull(),
    avatar_id: integer("avatar_id").references(() => file_.id, { onDelete: "set null" }),
    role: varchar("role", { length: 16, enum: USER_ROLES }).notNull().default("user"),
    // Bumped on sign-out, password change, role change and disabling: older session cookies stop working.
    session_version: integer("session_version").notNull().default(0),
    disabled_at: timestamp("disabled_at", { withTimezone: true }),
    // Set when an admin resets the password: member pages and actions wait until the user chooses a new one.
    must_change_password: boolean("must_change_password").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("user_username_lower_uq").on(sql`lower(${t.username})`),
    uniqueIndex("user_email_lower_uq").on(sql`lower(${t.email})`),
    index("user_avatar_id_idx").on(t.avatar_id),
    check("user_role_check", sql`${t.role} IN ('user', 'editor', 'admin')`),
  ],
);

/**
 * Failed sign-in counters, per account ("account:<login>") and per client address ("ip:<address>"), shared by every
 * app instance because they live in PostgreSQL.
 */
export const auth_throttle = pgTable("auth_throttle", {
  key: varchar("key", { length: 300 }).primaryKey(),
  failures: integer("failures").notNull().default(0),
  window_started_at: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  locked_until: timestamp("locked_until", { withTimezone: true }),
  ...timestamps,
});

/**
 * Films per genre, per country and in all ("all", 0): the catalogue's filter counts and its unfiltered total,
 * read in one index lookup instead of counting 100,000 rows per page view. Maintained by statement-level
 * triggers on movie and movie_genres (custom migration 0008), so every instance and psql keep it true.
 */
export const movie_counts = pgTable(
  "movie_counts",
  {
    scope: varchar("scope", { length: 16 }).notNull(),
    scope_id: integer("scope_id").notNull(),
    movies: integer("movies").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scope_id] }), check("movie_counts_scope_check", sql`${t.scope} in ('all', 'genre', 'country')`)],
);

/**
 * People in all ("all", 0) and per country: /people's unfiltered and per-country totals, /countries and the people
 * filter's countries, read in one index lookup instead of counting 200,000 rows. Maintained like movie_counts, by
 * statement-level triggers on person (custom migration 0015).
 */
export const person_counts = pgTable(
  "person_counts",
  {
    scope: varchar("scope", { length: 16 }).notNull(),
    scope_id: integer("scope_id").notNull(),
    people: integer("people").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scope_id] }), check("person_counts_scope_check", sql`${t.scope} in ('all', 'country')`)],
);

/**
 * Every credit of a person, one row per casting (character_id, its kind from the character's role) and per film
 * directed (character_id 0, kind 3), with the film's id and release date: a person's filmography, "known for" and
 * film counts read their own rows (3,000 for the busiest actor, in one index range) instead of 3,000 character and
 * film lookups. Derived from character_actors, character_ and movie by statement-level triggers (custom migration
 * 0017), never written by the app.
 */
export const person_credits = pgTable(
  "person_credits",
  {
    person_id: integer("person_id").notNull(),
    movie_id: integer("movie_id").notNull(),
    /** The character played, or 0 for directing. */
    character_id: integer("character_id").notNull(),
    /** 0 lead, 1 supporting, 2 any other role (character_.role exactly 'lead' / 'supporting'), 3 directing. */
    kind: smallint("kind").notNull(),
    release_date: date("release_date"),
  },
  (t) => [
    primaryKey({ columns: [t.person_id, t.movie_id, t.character_id] }),
    // Every column the person pages read, so a person's credits are one index-only range (~15 pages for 3,000).
    index("person_credits_person_idx").on(t.person_id, t.release_date, t.movie_id, t.character_id, t.kind),
    // "Known for": a person's films by role (directing ranks with leads) and date, newest first.
    index("person_credits_known_for_idx").on(
      t.person_id,
      sql`(case ${t.kind} when 3 then 0 else ${t.kind} end)`,
      t.release_date.desc().nullsLast(),
      t.movie_id.desc(),
    ),
    index("person_credits_character_id_idx").on(t.character_id),
    // By film (the triggers' updates, popular people's recount): with the person, so the recount reads no table rows.
    index("person_credits_movie_id_idx").on(t.movie_id, t.person_id),
    check("person_credits_kind_check", sql`${t.kind} between 0 and 3 and (${t.kind} = 3) = (${t.character_id} = 0)`),
  ],
);

/** How many users have each film in their favorites (films with at least one). Kept by triggers on favorite_movies. */
export const movie_favorites = pgTable("movie_favorites", {
  movie_id: integer("movie_id").primaryKey(),
  favorites: integer("favorites").notNull(),
});

/**
 * movie_genres with each film's country and release date: the catalogue filtered by genre (and country), sorted by
 * release, walks one index range instead of testing the genre of every film of the country; genre pages find their
 * newest film the same way. Kept by triggers on movie_genres and movie (custom migration 0017).
 */
export const genre_films = pgTable(
  "genre_films",
  {
    movie_id: integer("movie_id").notNull(),
    genre_id: integer("genre_id").notNull(),
    country_id: integer("country_id"),
    release_date: date("release_date"),
  },
  (t) => [
    primaryKey({ columns: [t.movie_id, t.genre_id] }),
    index("genre_films_genre_release_idx").on(t.genre_id, t.release_date, t.movie_id),
    index("genre_films_genre_country_release_idx").on(t.genre_id, t.country_id, t.release_date, t.movie_id),
  ],
);

/**
 * The home page's popular people: the first POPULAR_PEOPLE_KEPT people by credits (castings and directing) in the
 * newest POPULAR_PEOPLE_WINDOW films, recomputed at commit by a transaction that changed credits or dates of films
 * in (or entering) that window (custom migration 0018). `popular_people_window` holds the window's oldest film, the
 * test of "in the window"; `popular_people_pending` the keys a transaction touched, until its commit.
 */
export const popular_people = pgTable("popular_people", {
  position: integer("position").primaryKey(),
  person_id: integer("person_id").notNull(),
  credits: integer("credits").notNull(),
});

export const popular_people_window = pgTable(
  "popular_people_window",
  {
    id: integer("id").primaryKey().default(1),
    films: integer("films").notNull(),
    kept: integer("kept").notNull(),
    oldest_date: date("oldest_date"),
    oldest_id: integer("oldest_id"),
  },
  (t) => [check("popular_people_window_id_check", sql`${t.id} = 1`)],
);

export const popular_people_pending = pgTable("popular_people_pending", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  release_date: date("release_date").notNull(),
  movie_id: integer("movie_id").notNull(),
});

/**
 * Generations of what public pages show, for the anonymous page cache (lib/page-cache.ts): "catalogue" moves on
 * with every committed change to the catalogue's tables, "favorites" with every committed change to favorite_movies
 * (person pages rank "Known for" by favorites). Bumped at commit by triggers (custom migration 0012), once per
 * transaction, so every instance, psql and the importers invalidate the cache without being told.
 */
export const page_generation = pgTable(
  "page_generation",
  {
    scope: varchar("scope", { length: 16 }).primaryKey(),
    value: bigint("value", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("page_generation_scope_check", sql`${t.scope} in ('catalogue', 'favorites')`)],
);

/** A transaction's "bump this generation at commit" marker; rows live only until that commit. */
export const page_generation_pending = pgTable("page_generation_pending", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  scope: varchar("scope", { length: 16 }).notNull(),
});

export const countries = pgTable(
  "countries",
  {
    id: id(),
    name: varchar("name", { length: 100 }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("countries_name_lower_uq").on(sql`lower(${t.name})`)],
);

export const person = pgTable(
  "person",
  {
    id: id(),
    first_name: varchar("first_name", { length: 100 }).notNull(),
    last_name: varchar("last_name", { length: 100 }).notNull().default(""),
    biography: text("biography"),
    date_of_birth: date("date_of_birth"),
    // Addition: without it, ages of people who have died would be wrong.
    date_of_death: date("date_of_death"),
    gender: varchar("gender", { length: 32 }),
    country_id: integer("country_id").references(() => countries.id, { onDelete: "restrict" }),
    main_photo_id: integer("main_photo_id").references(() => file_.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("person_country_id_idx").on(t.country_id),
    index("person_main_photo_id_idx").on(t.main_photo_id),
    index("person_name_idx").on(t.last_name, t.first_name),
    index("person_date_of_birth_idx").on(t.date_of_birth),
    index("person_updated_at_idx").on(t.updated_at),
    // Search (pg_trgm over the unaccented, lower-cased full name; see migration 0002).
    index("person_name_trgm_idx").using("gin", sql`marquee_search_key(${t.first_name} || ' ' || ${t.last_name}) gin_trgm_ops`),
  ],
);

export const movie = pgTable(
  "movie",
  {
    id: id(),
    title: varchar("title", { length: 300 }).notNull(),
    description: text("description"),
    budget: numeric("budget", { precision: 14, scale: 2 }),
    release_date: date("release_date"),
    duration: integer("duration"),
    director_id: integer("director_id").references(() => person.id, { onDelete: "restrict" }),
    country_id: integer("country_id").references(() => countries.id, { onDelete: "restrict" }),
    poster_id: integer("poster_id").references(() => file_.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("movie_director_id_idx").on(t.director_id),
    index("movie_country_id_idx").on(t.country_id),
    index("movie_poster_id_idx").on(t.poster_id),
    index("movie_release_date_idx").on(t.release_date),
    index("movie_title_idx").on(t.title),
    index("movie_duration_idx").on(t.duration),
    index("movie_budget_idx").on(t.budget),
    index("movie_updated_at_idx").on(t.updated_at),
    index("movie_title_trgm_idx").using("gin", sql`marquee_search_key(${t.title}) gin_trgm_ops`),
    check("movie_duration_check", sql`${t.duration} IS NULL OR ${t.duration} > 0`),
    check("movie_budget_check", sql`${t.budget} IS NULL OR ${t.budget} >= 0`),
  ],
);

export const genres = pgTable(
  "genres",
  {
    id: id(),
    name: varchar("name", { length: 64 }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("genres_name_lower_uq").on(sql`lower(${t.name})`)],
);

export const movie_genres = pgTable(
  "movie_genres",
  {
    movie_id: integer("movie_id")
      .notNull()
      .references(() => movie.id, { onDelete: "cascade" }),
    genre_id: integer("genre_id")
      .notNull()
      .references(() => genres.id, { onDelete: "restrict" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.movie_id, t.genre_id] }), index("movie_genres_genre_id_movie_id_idx").on(t.genre_id, t.movie_id)],
);

export const character_ = pgTable(
  "character_",
  {
    id: id(),
    name: varchar("name", { length: 200 }).notNull(),
    description: text("description"),
    role: varchar("role", { length: 32 }),
    /** The character's place in its film's cast as editors ordered it (then by id); 0 when never ordered. */
    position: integer("position").notNull().default(0),
    movie_id: integer("movie_id")
      .notNull()
      .references(() => movie.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [
    index("character_movie_id_idx").on(t.movie_id),
    index("character_updated_at_idx").on(t.updated_at),
    index("character_name_trgm_idx").using("gin", sql`marquee_search_key(${t.name}) gin_trgm_ops`),
  ],
);

export const character_actors = pgTable(
  "character_actors",
  {
    character_id: integer("character_id")
      .notNull()
      .references(() => character_.id, { onDelete: "cascade" }),
    person_id: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "restrict" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.character_id, t.person_id] }),
    index("character_actors_person_id_character_id_idx").on(t.person_id, t.character_id),
  ],
);

export const person_photos = pgTable(
  "person_photos",
  {
    person_id: integer("person_id")
      .notNull()
      .references(() => person.id, { onDelete: "cascade" }),
    file_id: integer("file_id")
      .notNull()
      .references(() => file_.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.person_id, t.file_id] }), index("person_photos_file_id_person_id_idx").on(t.file_id, t.person_id)],
);

export const favorite_movies = pgTable(
  "favorite_movies",
  {
    user_id: integer("user_id")
      .notNull()
      .references(() => user_.id, { onDelete: "cascade" }),
    movie_id: integer("movie_id")
      .notNull()
      .references(() => movie.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.user_id, t.movie_id] }),
    index("favorite_movies_movie_id_user_id_idx").on(t.movie_id, t.user_id),
  ],
);

export const fileRelations = relations(file_, ({ many }) => ({
  galleryOf: many(person_photos),
}));

export const userRelations = relations(user_, ({ one, many }) => ({
  avatar: one(file_, { fields: [user_.avatar_id], references: [file_.id] }),
  favorites: many(favorite_movies),
}));

export const countryRelations = relations(countries, ({ many }) => ({
  movies: many(movie),
  people: many(person),
}));

export const personRelations = relations(person, ({ one, many }) => ({
  country: one(countries, { fields: [person.country_id], references: [countries.id] }),
  mainPhoto: one(file_, { fields: [person.main_photo_id], references: [file_.id] }),
  photos: many(person_photos),
  directed: many(movie),
  roles: many(character_actors),
}));

export const movieRelations = relations(movie, ({ one, many }) => ({
  director: one(person, { fields: [movie.director_id], references: [person.id] }),
  country: one(countries, { fields: [movie.country_id], references: [countries.id] }),
  poster: one(file_, { fields: [movie.poster_id], references: [file_.id] }),
  genres: many(movie_genres),
  characters: many(character_),
  favoritedBy: many(favorite_movies),
}));

export const genreRelations = relations(genres, ({ many }) => ({
  movies: many(movie_genres),
}));

export const movieGenreRelations = relations(movie_genres, ({ one }) => ({
  movie: one(movie, { fields: [movie_genres.movie_id], references: [movie.id] }),
  genre: one(genres, { fields: [movie_genres.genre_id], references: [genres.id] }),
}));

export const characterRelations = relations(character_, ({ one, many }) => ({
  movie: one(movie, { fields: [character_.movie_id], references: [movie.id] }),
  actors: many(character_actors),
}));

export const characterActorRelations = relations(character_actors, ({ one }) => ({
  character: one(character_, { fields: [character_actors.character_id], references: [character_.id] }),
  person: one(person, { fields: [character_actors.person_id], references: [person.id] }),
}));

export const personPhotoRelations = relations(person_photos, ({ one }) => ({
  person: one(person, { fields: [person_photos.person_id], references: [person.id] }),
  file: one(file_, { fields: [person_photos.file_id], references: [file_.id] }),
}));

export const favoriteMovieRelations = relations(favorite_movies, ({ one }) => ({
  user: one(user_, { fields: [favorite_movies.user_id], references: [user_.id] }),
  movie: one(movie, { fields: [favorite_movies.movie_id], references: [movie.id] }),
}));

export type FileRow = typeof file_.$inferSelect;
export type UserRow = typeof user_.$inferSelect;
export type CountryRow = typeof countries.$inferSelect;
export type PersonRow = typeof person.$inferSelect;
export type MovieRow = typeof movie.$inferSelect;
export type GenreRow = typeof genres.$inferSelect;
export type CharacterRow = typeof character_.$inferSelect;
