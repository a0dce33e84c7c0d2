import "server-only";

// The admin people and movie queries still import it from here until they are split.
export { escapeLike } from "./toolkit";
