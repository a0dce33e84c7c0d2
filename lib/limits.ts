/** Request sizes shared by Next's configuration and the production server's checks in front of it. */

/** A server action's whole body (a poster upload through a form is the largest): Next's bodySizeLimit too. */
export const ACTION_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
