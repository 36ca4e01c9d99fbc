//! A drop-down over a closed set of choices: each choice an enum value that knows its option
//! value (what the page and its tests see) and its words.

use leptos::prelude::*;

/// A labelled drop-down over a closed set of choices.
#[component]
pub fn Choice<T>(label: &'static str, testid: &'static str, options: Vec<T>, set: WriteSignal<T>) -> impl IntoView
where
    T: Choosable,
{
    let choices = options.clone();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        if let Some(c) = choices.iter().find(|c| c.value() == value) {
            set.set(c.clone());
        }
    };
    view! {
        <label>{label}
            <select data-testid=testid on:change=on_change>
                {options.into_iter().map(|o| view! { <option value=o.value()>{o.label()}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// A choice in a drop-down: the option's value in the page, and its words.
pub trait Choosable: Clone + Send + Sync + 'static {
    fn value(&self) -> String;
    fn label(&self) -> String;
}
