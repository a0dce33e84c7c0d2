import "server-only";
import { z } from "zod";
import { firstErrors, FIX_FIELDS, parseForm, typedValues, type FormState } from "@/lib/form-state";
import { authorizeAdmin, authorizeEditor, authorizeMember, authorizePasswordChange, getViewer, type Viewer } from "@/lib/session";

/**
 * Server actions are public endpoints: anyone can post to one, with any arguments. Every action is therefore made
 * by one of the four wrappers below, one per audience, which do the common work in one place and in this order:
 *   1. check who is calling (nothing has been read or written before that);
 *   2. parse the input with the action's zod schema (a FormData: only the schema's own keys are read);
 *   3. run the action, and answer an expected refusal (`throw new ActionRefusal(...)`) as form state.
 * Anything the action does for every call (a revision, an audit line) belongs here too.
 *
 *   export const renameGenreAction = editorAction(renameSchema, async ({ id, name }, { viewer, values }) => {
 *     ...
 *     return { ok: true, message: "Saved." };
 *   });
 *
 * The made function takes its input as its last argument, so it serves `useActionState` (previous state, form
 * data), a plain `<form action>` (form data) and a direct call (any value the schema accepts) alike.
 */

/**
 * An expected refusal, thrown from an action: answered as `{ message, fieldErrors, values }` (what was typed comes
 * back, so nothing is lost). Anything else thrown (Next's redirect included) goes on as it is.
 */
export class ActionRefusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ActionRefusal";
  }
}

/** Why the wrapper answered instead of the action. */
export type FailureKind = "denied" | "invalid" | "refused";

export type ActionContext<V> = {
  viewer: V;
  /** The submitted form, when the input was one. */
  formData: FormData | null;
  /** Its text fields, to send back (secrets excluded); empty for other input. */
  values: Record<string, string>;
};

type ActionOptions<R> = {
  /** Hidden fields (a row's id, its version): their parse error becomes the form's message. */
  hidden?: string[];
  /**
   * Shapes the wrapper's own answers (refused caller, invalid input, ActionRefusal) for actions whose state is not
   * a FormState, or that word them differently. Default: the FormState itself.
   */
  failed?: (state: FormState, kind: FailureKind) => R;
};

/** An action whose answer is not a FormState must say how the wrapper's answers look (`failed`). */
type OptionsFor<R> = FormState extends R ? [options?: ActionOptions<R>] : [options: ActionOptions<R> & { failed: ActionOptions<R>["failed"] & {} }];

/** A form posts FormData; a direct call sends what the schema reads. */
type RawInput<S extends z.ZodType> = S extends z.ZodObject ? FormData : z.input<S>;

export type Action<S extends z.ZodType, R> = (...args: [previous: R, input: RawInput<S>] | [input: RawInput<S>]) => Promise<R>;

type Authorize<V> = () => Promise<{ viewer: V; denied?: never } | { viewer?: never; denied: FormState }>;

function actionFor<V>(authorize: Authorize<V>) {
  return function makeAction<S extends z.ZodType, R = FormState>(
    schema: S,
    run: (input: z.output<S>, context: ActionContext<V>) => Promise<R>,
    ...[options = {}]: OptionsFor<R>
  ): Action<S, R> {
    const failed = options.failed ?? ((state: FormState) => state as R);
    return async (...args) => {
      const input: unknown = args[args.length - 1];
      const auth = await authorize();
      if (auth.denied) return failed(auth.denied, "denied");
      const formData = input instanceof FormData ? input : null;
      const values = formData ? typedValues(formData) : {};
      let data: z.output<S>;
      if (formData && schema instanceof z.ZodObject) {
        const parsed = parseForm(schema, formData, options);
        if (parsed.state) return failed(parsed.state, "invalid");
        data = parsed.data as z.output<S>;
      } else {
        const parsed = schema.safeParse(input ?? (schema instanceof z.ZodObject ? {} : input));
        if (!parsed.success) {
          const fieldErrors = firstErrors(parsed.error);
          return failed({ fieldErrors, message: fieldErrors.form ?? FIX_FIELDS }, "invalid");
        }
        data = parsed.data;
      }
      try {
        return await run(data, { viewer: auth.viewer as V, formData, values });
      } catch (error) {
        if (error instanceof ActionRefusal) return failed({ message: error.message, fieldErrors: error.fieldErrors, values }, "refused");
        throw error;
      }
    };
  };
}

/** Anyone, signed in or not (sign-in, sign-up, the heart of a visitor): `viewer` may be null. */
export const publicAction = actionFor<Viewer | null>(async () => ({ viewer: await getViewer() }));
/** A signed-in user, for their own account and favorites (refused while an admin's password reset is pending). */
export const memberAction = actionFor<Viewer>(authorizeMember);
/** A signed-in user changing their password: the one action allowed while an admin's reset is pending. */
export const passwordChangeAction = actionFor<Viewer>(authorizePasswordChange);
/** Editors and admins: the catalogue. */
export const editorAction = actionFor<Viewer>(authorizeEditor);
/** Admins: user management. */
export const adminAction = actionFor<Viewer>(authorizeAdmin);
