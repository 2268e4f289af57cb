//! The active plan of this instance. The binding is the only place with such state; the core
//! takes the plan as an argument.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::Error;
use crate::plan::{default_plan, Plan};

thread_local! {
    static ACTIVE: RefCell<Option<Rc<Plan>>> = const { RefCell::new(None) };
}

/// The active plan, loading the embedded default on first use.
pub fn active_plan() -> Result<Rc<Plan>, Error> {
    if let Some(p) = ACTIVE.with(|a| a.borrow().clone()) {
        return Ok(p);
    }
    let plan = Rc::new(default_plan()?);
    ACTIVE.with(|a| *a.borrow_mut() = Some(plan.clone()));
    Ok(plan)
}

pub fn set_active_plan(plan: Plan) -> Rc<Plan> {
    let plan = Rc::new(plan);
    ACTIVE.with(|a| *a.borrow_mut() = Some(plan.clone()));
    plan
}
