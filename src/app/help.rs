//! "What do these mean?": the scales the page shows, in words — CQC's scores and bands, the
//! Ofsted grades of each framework, Area SEND outcomes, and how figures and findings are read.
//! The CQC wording comes from the core (the same the analyser uses), the rest from the
//! frameworks reference the analyser was built on (`../shared/reference/frameworks.md`).

use leptos::prelude::*;

use crate::analysis::{score_label, statement_names, BANDS_TEXT, THEMES};

#[component]
pub fn Help() -> impl IntoView {
    view! {
        <details class="help" data-testid="help">
            <summary>"What do these mean?"</summary>
            <div class="help-body">
                <section>
                    <h3>"CQC local authority assessments (adult social care)"</h3>
                    <p>"Each of nine quality statements, in four themes, is scored 1 to 4:"</p>
                    <ul data-testid="help-cqc-scores">
                        {(1..=4u8).map(|n| view! { <li><strong>{n.to_string()}</strong>{format!(" — {}", score_label(n))}</li> }).collect_view()}
                    </ul>
                    <p>{BANDS_TEXT}" Every statement weighs the same; a total between two bands (e.g. 14 of 36, 38.9%) is shown as between them, not rounded. The 2023 pilot assessments gave \u{201c}indicative\u{201d} scores and ratings."</p>
                    <p class="hint">
                        {THEMES.iter().map(|t| format!("{t}: {}.", statement_names().filter(|(th, _)| th == t).map(|(_, s)| s).collect::<Vec<_>>().join(", "))).collect::<Vec<_>>().join(" ")}
                    </p>
                </section>
                <section>
                    <h3>"Ofsted inspections of children\u{2019}s services"</h3>
                    <ul data-testid="help-ofsted">
                        <li><strong>"ILACS (2018 on)"</strong>": Outstanding, Good, Requires improvement to be good, Inadequate — for the impact of leaders, children who need help and protection, children in care, care leavers (one combined judgement before 2023) and overall effectiveness (not given from April 2026). Focused and monitoring visits are letters without grades."</li>
                        <li><strong>"Single inspection framework (2013–2018)"</strong>": the same four grades (early reports say \u{201c}Requires improvement\u{201d}) for help and protection, children looked after and achieving permanence (with adoption and care leavers), leadership, management and governance, overall effectiveness; the Local Safeguarding Children Board had its own judgement."</li>
                        <li><strong>"2012–2013 inspections"</strong>": Outstanding, Good, Adequate, Inadequate."</li>
                        <li><strong>"Area SEND inspections (2023 on)"</strong>": one of three outcomes — positive experiences and outcomes; inconsistent experiences and outcomes; widespread and/or systemic failings."</li>
                        <li><strong>"Local area SEND inspections (2016\u{2013}22)"</strong>": letters without a grade; the outcome is whether a written statement of action was required (letters that required none do not mention one). A revisit says whether the area made sufficient progress on every significant weakness, on some, or on none."</li>
                        <li><strong>"Joint targeted area inspections"</strong>": letters on one theme, with no grades."</li>
                    </ul>
                    <p class="hint">"Grades a report quotes from an earlier inspection are shown as the previous grade, not this report\u{2019}s."</p>
                </section>
                <section>
                    <h3>"Inspections of a care provider"</h3>
                    <ul data-testid="help-providers">
                        <li><strong>"CQC (care homes, home care and other adult social care services)"</strong>": an overall rating and one for each of five key questions — safe, effective, caring, responsive, well-led — each Outstanding, Good, Requires improvement or Inadequate (from October 2014; from 2024 each key question is also scored out of 100). Inspections of 2010\u{2013}14 said whether each essential standard was met and gave no rating; the 2008\u{2013}10 star ratings are not on this scale and are not shown as ratings."</li>
                        <li><strong>"Ofsted (children\u{2019}s homes, fostering and adoption agencies, residential special schools)"</strong>": from 2015, three judgements — the overall experiences and progress of children and young people, how well they are helped and protected, and the effectiveness of leaders and managers — each Outstanding, Good, Requires improvement to be good or Inadequate. Ofsted does not publish a children\u{2019}s home\u{2019}s name, so it is shown by its reference number."</li>
                    </ul>
                </section>
                <section>
                    <h3>"Figures and findings"</h3>
                    <ul data-testid="help-reading">
                        <li><strong>"Verdict"</strong>": the report\u{2019}s own words about a figure (\u{201c}worse than\u{201d}, \u{201c}better than\u{201d}, \u{201c}in line with\u{201d}) come first; without them, a figure set against England is called better or worse only where the measure has a known better direction (higher satisfaction, lower waits), and otherwise higher or lower."</li>
                        <li><strong>"Waits"</strong>": a wait is over its target only when the report states both."</li>
                        <li><strong>"Findings"</strong>": each sentence of the findings is classed strength, gap or neutral by a model trained on sentences people labelled by reading; it agrees with a careful reader about 84% of the time. The words that decided it are shown; findings it is less sure of sit behind \u{201c}show less certain\u{201d}. The report\u{2019}s own lists (\u{201c}What needs to improve\u{201d}, \u{201c}Areas for priority action\u{201d}) are always shown as written."</li>
                    </ul>
                </section>
            </div>
        </details>
    }
}
