//! TypeScript declarations that no Rust type derives: an alias tsify would write as a `Map`
//! (the values cross as JSON, so they are plain objects), and the shape of what every export
//! throws.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES_TS: &'static str = r#"
/** Bilingual finding texts by code, with `{param}` placeholders. */
export type Messages = Record<string, Text>;

/**
 * What every export throws: an `Error` whose `message` is `zh / en`, with a stable `code`, the
 * bilingual `text`, the `params` the text is made of (`{}` when none) and, for `plan_invalid`,
 * every `problems` found.
 */
export interface ExamIncidentError extends Error {
    code: string;
    text: Text;
    params: Record<string, string | number>;
    problems?: PlanProblem[];
}
"#;
