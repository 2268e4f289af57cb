//! The module's default plan: what the free functions (`classify`, `guide`, …) and
//! `new IncidentResponse` use. The binding is the only place with such state; the core takes the
//! plan as an argument, and a `Plan` object holds its own.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::Error;
use crate::plan::{default_plan, Plan};

thread_local! {
    static ACTIVE: RefCell<Option<Rc<Plan>>> = const { RefCell::new(None) };
    /// The embedded plan, loaded once: `Plan.default()` and `resetPlan()` share it.
    static EMBEDDED: RefCell<Option<Rc<Plan>>> = const { RefCell::new(None) };
}

/// The embedded default plan, loaded on first use.
pub fn embedded_plan() -> Result<Rc<Plan>, Error> {
    if let Some(p) = EMBEDDED.with(|a| a.borrow().clone()) {
        return Ok(p);
    }
    let plan = Rc::new(default_plan()?);
    EMBEDDED.with(|a| *a.borrow_mut() = Some(plan.clone()));
    Ok(plan)
}

/// The module's plan: the embedded one unless `loadPlan` swapped it.
pub fn active_plan() -> Result<Rc<Plan>, Error> {
    if let Some(p) = ACTIVE.with(|a| a.borrow().clone()) {
        return Ok(p);
    }
    let plan = embedded_plan()?;
    ACTIVE.with(|a| *a.borrow_mut() = Some(plan.clone()));
    Ok(plan)
}

pub fn set_active_plan(plan: Rc<Plan>) -> Rc<Plan> {
    ACTIVE.with(|a| *a.borrow_mut() = Some(plan.clone()));
    plan
}
