//! Drawing a [`ChartSpec`](crate::models::chart::ChartSpec) with ECharts in the browser.
//!
//! ECharts (`/echarts.min.js`, from the npm registry) is loaded on the first page that has
//! a chart, so pages without charts never pay for it. Colours in the option that name CSS
//! custom properties (`--signal-green`) are resolved against the chart's element first, so
//! the brand theme and dark mode reach the canvas.

use js_sys::{Array, Function, JSON, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

/// Where the app serves ECharts.
const SCRIPT_SRC: &str = "/echarts.min.js";
const SCRIPT_ID: &str = "echarts-script";

/// Calls `target[name](...args)`; ECharts is reached through `window.echarts` by
/// reflection, so no `extern` block (and no `unsafe`) is needed.
fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    let args: Array = args.iter().copied().collect();
    method.apply(target, &args)
}

/// A chart on the page with its click handler, which must live as long as the chart.
pub struct DrawnChart {
    chart: JsValue,
    _on_click: Closure<dyn Fn(JsValue)>,
}

impl DrawnChart {
    /// Fits the chart to its element's current size.
    pub fn fit(&self) {
        let _ = call(&self.chart, "resize", &[]);
    }
}

impl Drop for DrawnChart {
    fn drop(&mut self) {
        let _ = call(&self.chart, "dispose", &[]);
    }
}

/// Loads ECharts once per page; later calls wait for the same script.
async fn load_echarts() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    if Reflect::has(&window, &JsValue::from_str("echarts"))? {
        return Ok(());
    }
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let script = match document.get_element_by_id(SCRIPT_ID) {
        Some(script) => script,
        None => {
            let script = document.create_element("script")?;
            script.set_id(SCRIPT_ID);
            script.set_attribute("src", SCRIPT_SRC)?;
            document
                .head()
                .ok_or_else(|| JsValue::from_str("no head"))?
                .append_child(&script)?;
            script
        }
    };
    let loaded = Promise::new(&mut |resolve, reject| {
        // Either event settles the promise; the other is then harmless.
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    JsFuture::from(loaded).await.map(|_| ())
}

/// Replaces every string in `value` that names a CSS custom property (`--brand-primary`)
/// by that property's value on `element`.
fn resolve_colours(value: &JsValue, style: &web_sys::CssStyleDeclaration) {
    if let Some(array) = value.dyn_ref::<Array>() {
        for index in 0..array.length() {
            let item = array.get(index);
            match item.as_string() {
                Some(name) if name.starts_with("--") => {
                    array.set(index, JsValue::from_str(&css_value(style, &name)));
                }
                _ => resolve_colours(&item, style),
            }
        }
    } else if value.is_object() {
        let object: &Object = value.unchecked_ref();
        for key in Object::keys(object).iter() {
            let Ok(item) = Reflect::get(value, &key) else {
                continue;
            };
            match item.as_string() {
                Some(name) if name.starts_with("--") => {
                    let _ = Reflect::set(value, &key, &JsValue::from_str(&css_value(style, &name)));
                }
                _ => resolve_colours(&item, style),
            }
        }
    }
}

fn css_value(style: &web_sys::CssStyleDeclaration, name: &str) -> String {
    style
        .get_property_value(name)
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

/// Draws `option` (ECharts JSON) into `element`; a click on data item `i` calls
/// `on_click(i)`. The drawn chart is disposed when the returned value is dropped.
pub async fn draw(
    element: HtmlElement,
    option: &str,
    on_click: impl Fn(usize) + 'static,
) -> Result<DrawnChart, JsValue> {
    load_echarts().await?;
    let parsed = JSON::parse(option)?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    if let Some(style) = window.get_computed_style(&element)? {
        resolve_colours(&parsed, &style);
    }
    let echarts = Reflect::get(&window, &JsValue::from_str("echarts"))?;
    let chart = call(&echarts, "init", &[element.as_ref()])?;
    call(&chart, "setOption", &[&parsed])?;
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
        chart,
        _on_click: handler,
    })
}
