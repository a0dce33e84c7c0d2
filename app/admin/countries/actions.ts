"use server";

import { taxonomyActions } from "@/app/admin/_taxonomy/actions";

const country = taxonomyActions("country");

export const createCountryAction = country.create;
export const updateCountryAction = country.update;
export const deleteCountryAction = country.remove;
/** First call: what would move (to confirm); with confirm=yes: moves everything and deletes this country. */
export const mergeCountryAction = country.merge;
