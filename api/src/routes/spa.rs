//! The single-page app's files, and its page shells.
//!
//! A page shell (`index.html`, `commande.html`, `gestion.html`, see [`Bundle`]) is a
//! template: every time the server answers one, it fills in the marketplace's name as the
//! `<title>`, its introduction as the meta description, its palette as `data-palette`, and
//! embeds the marketplace's settings as JSON for the app to read without another request.
//! So shells are never served from the files on disk (nor from their precompressed
//! siblings, which would be stale): the shell routes come before the files, and an unknown
//! path outside `/api` gets the shell of the bundle that shows it, so that client routes
//! survive a reload. An unknown path under `/api` gets a problem+json 404; a path of the
//! route table asked with a method it does not take, a 405 naming those it takes in `Allow`.

use std::path::Path;

use actix_files::Files;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::middleware::Compress;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};

use shared::bundle::Bundle;
use shared::marketplace::Marketplace;

use crate::db;
use crate::db::models::marketplace;
use crate::error::ApiError;
use crate::routes::public_pages::{self, PageShell};
use crate::startup::AppState;

/// The id of the `<script type="application/json">` that carries the settings.
pub const SETTINGS_SCRIPT_ID: &str = "vitrine-marketplace";

/// The shells' own routes (`/`, `/index.html`, ...), to register before [`files`].
pub fn shells(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/")
            .wrap(Compress::default())
            .route(web::get().to(|req: HttpRequest| shell_response(req, Bundle::Browse))),
    );
    // The public pages' shells carry their first answer (issue 16): compressed like the
    // others rather than sent raw by the fallback.
    for path in [
        "/catalogue",
        "/produits/{id}",
        "/commerces",
        "/commerces/{slug}",
    ] {
        cfg.service(
            web::resource(path)
                .wrap(Compress::default())
                .route(web::get().to(|req: HttpRequest| shell_response(req, Bundle::Browse))),
        );
    }
    for bundle in Bundle::ALL {
        cfg.service(
            web::resource(format!("/{}", bundle.shell()))
                .wrap(Compress::default())
                .route(web::get().to(move |req: HttpRequest| shell_response(req, bundle))),
        );
    }
}

/// Serves the built app from `dir`, preferring the precompressed `.br`/`.gz` siblings.
pub fn files(dir: &Path) -> Files {
    Files::new("/", dir)
        .try_compressed()
        .default_handler(actix_web::dev::fn_service(|req: ServiceRequest| async {
            let (req, _) = req.into_parts();
            let response = fallback(req.clone()).await;
            Ok(ServiceResponse::new(req, response))
        }))
}

/// The app's default service when no route and no file matched.
pub async fn fallback(req: HttpRequest) -> HttpResponse {
    let path = req.path();
    if path == "/api" || path.starts_with("/api/") {
        // A route of the table with another method: 405 and the methods it takes.
        if let Some(allow) = super::contract::allowed_methods(path)
            && !allow.iter().any(|m| m == req.method().as_str())
        {
            let path = path.to_owned();
            return ApiError::MethodNotAllowed { path, allow }.error_response();
        }
        return ApiError::NotFound(format!("there is no API resource at {path}")).error_response();
    }
    let bundle = Bundle::for_path(path);
    shell_response(req, bundle).await
}

/// The bundle's page shell, filled in from the settings.
async fn shell_response(req: HttpRequest, bundle: Bundle) -> HttpResponse {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return not_built();
    };
    let path = state.static_dir.join(bundle.shell());
    let Ok(Ok(template)) = web::block(move || std::fs::read_to_string(path)).await else {
        return not_built();
    };
    // A shell must load even when the database does not answer: the app then says so.
    let counts_visits = state.visits.enabled();
    let market = db::run(&state.pool, move |conn| {
        Ok(marketplace::public(conn, counts_visits)?)
    })
    .await
    .unwrap_or_else(|err| {
        tracing::warn!(error = %err, "page shell served without the marketplace settings");
        Marketplace {
            counts_visits,
            ..Marketplace::default()
        }
    });
    let mut page = public_pages::page_shell(state, &req, bundle).await;
    if bundle == Bundle::Browse {
        let url = req
            .uri()
            .path_and_query()
            .map_or_else(|| req.path().to_owned(), |url| url.as_str().to_owned());
        super::page_render::draw(state, &url, &market, &mut page).await;
    }
    HttpResponse::build(page.status.unwrap_or(StatusCode::OK))
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "no-cache"))
        .body(render_page(
            &template,
            &market,
            &page,
            state.notices.base_url(),
        ))
}

fn not_built() -> HttpResponse {
    HttpResponse::NotFound()
        .insert_header((CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body("The web app is not built: run `just web` (or `just run`).")
}

/// Fills a shell template in: title, meta description, palette, and the settings as JSON.
pub fn render_shell(template: &str, market: &Marketplace) -> String {
    render_page(template, market, &PageShell::default(), "")
}

/// Fills a shell template in for one page: its title and description (the page's own, else
/// the settings'), palette, the page's meta tags for search engines and link previews, the
/// settings as JSON, and what [`public_pages`] found for the page: the page drawn on the
/// server as the body (with its no-script text at the end of its `<main>`), else the shell's
/// own body (with the no-script text inside its `<noscript>`); its JSON-LD and API answers
/// at the end of the body.
pub fn render_page(template: &str, market: &Marketplace, page: &PageShell, base: &str) -> String {
    let site = market.site_title(false);
    let title = if page.title.is_empty() {
        escape_html(&site)
    } else {
        escape_html(&format!("{} — {site}", page.title))
    };
    let description = escape_html(
        page.description
            .as_deref()
            .unwrap_or_else(|| market.description(false)),
    );
    let mut html = replace_between(template, "<title>", "</title>", &title);
    html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\">",
        &description,
    );
    html = html.replacen(
        "<html lang=\"fr\">",
        &format!(
            "<html lang=\"fr\" data-palette=\"{}\">",
            market.palette.as_str()
        ),
        1,
    );
    // `<` escaped, the JSON cannot close the script element, whatever the texts say.
    let json = serde_json::to_string(market)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    // Before the head's real end, the last `</head>`: an earlier one may stand in a comment,
    // where the settings and the meta tags would be lost to the app and to crawlers.
    if let Some(end) = html.rfind("</head>") {
        html.insert_str(
            end,
            &format!(
                "{}<script id=\"{SETTINGS_SCRIPT_ID}\" type=\"application/json\">{json}</script>\n",
                public_pages::meta_tags(page, market, base)
            ),
        );
    }
    let mut noscript = page.noscript.as_deref();
    if let Some(body) = &page.body {
        let body = match noscript.take() {
            Some(block) => body.replacen(
                "</main>",
                &format!("<noscript>{block}</noscript></main>"),
                1,
            ),
            None => body.clone(),
        };
        html = with_drawn_body(&html, &body);
    }
    let mut at_the_end = String::new();
    if let Some(noscript) = noscript {
        if html.contains("</noscript>") {
            html = html.replacen("</noscript>", &format!("{noscript}\n</noscript>"), 1);
        } else {
            at_the_end.push_str(&format!("<noscript>{noscript}</noscript>\n"));
        }
    }
    at_the_end.push_str(&public_pages::body_scripts(page));
    let end = html
        .rfind("</body>")
        .or_else(|| html.rfind("</html>"))
        .unwrap_or(html.len());
    html.insert_str(end, &at_the_end);
    html
}

/// The shell with the page the server drew as its body's content (issue 16), in place of
/// what the shell says without JavaScript: the drawn page is readable as it is, and the app
/// takes over when it starts. The shell's hidden start notice stays, for `boot.js` to say
/// when the app cannot start.
fn with_drawn_body(shell: &str, drawn: &str) -> String {
    let Some(open) = shell.find("<body") else {
        return shell.to_owned();
    };
    let Some(start) = shell[open..].find('>').map(|at| open + at + 1) else {
        return shell.to_owned();
    };
    let end = shell.rfind("</body>").unwrap_or(shell.len()).max(start);
    // The shell's notice stays (hidden): `boot.js` shows it if the app cannot start.
    let notice = shell[start..end]
        .find("<p id=\"amorce\"")
        .and_then(|at| {
            let from = start + at;
            shell[from..end]
                .find("</p>")
                .map(|to| &shell[from..from + to + 4])
        })
        .unwrap_or_default();
    format!("{}\n{notice}{drawn}\n{}", &shell[..start], &shell[end..])
}

/// Replaces what lies between the first `start` and the next `end`; unchanged without them.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let Some(from) = text.find(start).map(|i| i + start.len()) else {
        return text.to_owned();
    };
    let Some(to) = text[from..].find(end).map(|i| from + i) else {
        return text.to_owned();
    };
    format!("{}{with}{}", &text[..from], &text[to..])
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::marketplace::{Localized, Palette};

    const TEMPLATE: &str = "<!doctype html>\n<html lang=\"fr\">\n<head>\n<title>Vitrine</title>\n\
        <meta name=\"description\" content=\"Vitrine\">\n</head><body></body></html>";

    #[test]
    fn the_settings_go_before_the_end_of_the_head_not_into_a_comment_naming_it() {
        let template = "<!doctype html>\n<html lang=\"fr\">\n<head>\n<!-- the settings go \
            before </head> -->\n<title>Vitrine</title>\n<meta name=\"description\" \
            content=\"Vitrine\">\n</head><body></body></html>";
        let html = render_shell(template, &market());
        let comment_end = html.find("-->").expect("the comment stays");
        let script = html
            .find(&format!("<script id=\"{SETTINGS_SCRIPT_ID}\""))
            .expect("the settings");
        assert!(script > comment_end, "{html}");
        assert!(
            html[script..].contains("</script>\n</head><body>"),
            "{html}"
        );
    }

    fn market() -> Marketplace {
        Marketplace {
            name: "Les Boutiques".into(),
            town: "Saint-Quentin-la-Poterie".into(),
            tagline: Localized {
                fr: "les commerces <de> \"Saint-Quentin\"".into(),
                en: None,
            },
            intro: Localized {
                fr: "Potiers & boutiques.</script><script>alert(1)</script>".into(),
                en: None,
            },
            palette: Palette::Mer,
            ..Marketplace::default()
        }
    }

    #[test]
    fn the_shell_gets_the_settings_title_description_and_palette_escaped() {
        let html = render_shell(TEMPLATE, &market());
        assert!(html.contains(
            "<title>Les Boutiques — les commerces &lt;de&gt; &quot;Saint-Quentin&quot;</title>"
        ));
        assert!(html.contains(
            "content=\"Potiers &amp; boutiques.&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""
        ));
        assert!(html.contains("<html lang=\"fr\" data-palette=\"mer\">"));
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        let start = html.find("type=\"application/json\">").unwrap() + 24;
        let end = html[start..].find("</script>").unwrap() + start;
        let embedded: Marketplace = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(embedded, market());
    }

    #[test]
    fn an_unset_marketplace_is_called_vitrine() {
        let html = render_shell(TEMPLATE, &Marketplace::default());
        assert!(html.contains("<title>Vitrine</title>"));
    }
}
