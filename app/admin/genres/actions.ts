"use server";

import { taxonomyActions } from "@/app/admin/_taxonomy/actions";

const genre = taxonomyActions("genre");

export const createGenreAction = genre.create;
export const updateGenreAction = genre.update;
export const deleteGenreAction = genre.remove;
/** First call: what would move (to confirm); with confirm=yes: moves everything and deletes this genre. */
export const mergeGenreAction = genre.merge;
