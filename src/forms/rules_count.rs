//! Rules that count: totals that add up (expected = present + absent), lists as long as their
//! count, times in order down a list.

use serde_json::Value;

use super::fields::Ctx;
use super::finding::{num, text};
use super::moment::{self, compare};
use super::pointer::{push_index, push_token};
use super::rules::At;
use super::spec::Check;

pub fn apply<'d>(ctx: &mut Ctx<'_, '_, 'd>, at: &At<'_, 'd>) {
    match &at.rule.check {
        Check::Sum { total, parts } => {
            let Some(t) = integer(at, total) else { return };
            let mut sum = 0.0;
            for p in parts {
                let Some(n) = integer(at, p) else { return };
                sum += n;
            }
            if t != sum {
                at.push(ctx, total, [("total", num(t)), ("sum", num(sum))]);
            }
        }
        Check::CountOf { count, items } => {
            let (Some(n), Some(list)) = (integer(at, count), at.value(items).and_then(Value::as_array)) else { return };
            if list.len() as f64 != n {
                at.push(ctx, items, [("count", num(n)), ("items", num(list.len() as f64))]);
            }
        }
        Check::Ascending { items, at: field } => {
            let tz = ctx.plan.timezone();
            let Some(list) = at.value(items).and_then(Value::as_array) else { return };
            let mut latest: Option<(moment::Moment, &str)> = None;
            for (i, item) in list.iter().take(ctx.spec().limits.max_items).enumerate() {
                let Some(s) = item.get(field).and_then(Value::as_str) else { continue };
                let Some(m) = ctx.times.moment(s, tz) else { continue };
                match latest {
                    Some((prev, prev_s)) if compare(prev, m, tz).is_gt() => {
                        let mut p = at.path(items);
                        push_index(&mut p, i);
                        push_token(&mut p, field);
                        ctx.out.push(at.rule.level, &p, &at.rule.code, [("value", text(s)), ("previous", text(prev_s))]);
                    }
                    _ => latest = Some((m, s)),
                }
            }
        }
        _ => {}
    }
}

fn integer(at: &At, p: &str) -> Option<f64> {
    at.number(p).filter(|n| n.fract() == 0.0)
}
