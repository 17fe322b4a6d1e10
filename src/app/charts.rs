//! The charts view.

use leptos::prelude::*;

/// The four comparison charts.
#[component]
pub fn ChartsView() -> impl IntoView {
    view! { <div class="charts" data-testid="charts"></div> }
}
