//! A product's picture in the back-office. The API serves the picture of a product that is
//! not on sale only to its shop, which an `<img src>` cannot prove: such a picture is fetched
//! with the session's token and shown from a blob URL.

use leptos::{prelude::*, wasm_bindgen::JsValue};

use crate::{api, state::session::use_session};

/// The picture at `src`; `listed` says whether anyone may load it (the product is on sale).
#[component]
pub fn ProductPicture(
    #[prop(into)] src: Signal<String>,
    #[prop(into)] listed: Signal<bool>,
    class: &'static str,
    alt: String,
    /// Width and height, pixels.
    size: u32,
    /// The image's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let session = use_session();
    let shown = LocalResource::new(move || {
        let src = src.get();
        let listed = listed.get();
        async move {
            if listed {
                return Some(src);
            }
            let token = session.access_token().await?;
            let (bytes, kind) = api::private_picture(&token, &src).await.ok()?;
            blob_url(&bytes, &kind).ok()
        }
    });
    move || {
        shown.get().flatten().map(|url| {
            view! { <img class=class src=url alt=alt.clone() width=size height=size data-testid=testid /> }
        })
    }
}

/// A `blob:` URL of `bytes` of type `mime`; it lives as long as the page.
pub fn blob_url(bytes: &[u8], mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}
