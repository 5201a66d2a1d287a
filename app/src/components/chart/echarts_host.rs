//! Drawing a chart in the browser through the page's chart script (`/charts.js`).
//!
//! The script paints the charts a page arrives with before the WASM has loaded, from the
//! option the server rendered into each chart's element; this side takes a painted chart
//! over (or has the script draw a new one) and follows clicks on its data items.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

/// The `id` of the page's chart script element and the global it defines.
const SCRIPT_ID: &str = "chart-script";
const GLOBAL: &str = "memberpulseCharts";

/// Calls `target[name](...args)`; the script is reached by reflection, so no `extern`
/// block (and no `unsafe`) is needed.
fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    let args: Array = args.iter().copied().collect();
    method.apply(target, &args)
}

/// A chart on the page with its click handler, which must live as long as the chart.
pub struct DrawnChart {
    script: JsValue,
    element: HtmlElement,
    chart: JsValue,
    _on_click: Closure<dyn Fn(JsValue)>,
}

impl Drop for DrawnChart {
    fn drop(&mut self) {
        let _ = call(
            &self.script,
            "dispose",
            &[self.element.as_ref(), &self.chart],
        );
    }
}

/// The chart script's functions; waits for the deferred script if it has not run yet.
async fn chart_script() -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let global = JsValue::from_str(GLOBAL);
    if !Reflect::has(&window, &global)? {
        let script = window
            .document()
            .and_then(|document| document.get_element_by_id(SCRIPT_ID))
            .ok_or_else(|| JsValue::from_str("the page has no chart script"))?;
        // Whichever comes first: the script ran, failed, or the page finished loading
        // (so a script that failed before this call cannot leave the chart waiting).
        let settled = Promise::new(&mut |resolve, _reject| {
            let _ = script.add_event_listener_with_callback("load", &resolve);
            let _ = script.add_event_listener_with_callback("error", &resolve);
            let _ = window.add_event_listener_with_callback("load", &resolve);
        });
        if window
            .document()
            .is_some_and(|d| d.ready_state() != "complete")
        {
            JsFuture::from(settled).await?;
        }
    }
    let script = Reflect::get(&window, &global)?;
    if script.is_undefined() {
        return Err(JsValue::from_str("the chart script did not run"));
    }
    Ok(script)
}

/// Draws the option in `element`'s `data-chart-option`, or takes over the chart painted
/// there on first load when `adopt`; a click on data item `i` calls `on_click(i)`. The
/// chart is disposed of when the returned value is dropped.
pub async fn draw(
    element: HtmlElement,
    adopt: bool,
    on_click: impl Fn(usize) + 'static,
) -> Result<DrawnChart, JsValue> {
    let script = chart_script().await?;
    let drawing: Promise = call(
        &script,
        "draw",
        &[element.as_ref(), &JsValue::from_bool(adopt)],
    )?
    .dyn_into()?;
    let chart = JsFuture::from(drawing).await?;
    let handler = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let index = Reflect::get(&params, &JsValue::from_str("dataIndex"))
            .ok()
            .and_then(|i| i.as_f64());
        if let Some(index) = index.filter(|i| *i >= 0.0) {
            on_click(index as usize);
        }
    });
    call(
        &chart,
        "on",
        &[&JsValue::from_str("click"), handler.as_ref()],
    )?;
    Ok(DrawnChart {
        script,
        element,
        chart,
        _on_click: handler,
    })
}
