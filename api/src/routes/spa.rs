//! The single-page app's files, and the fallback that makes client routes survive a reload:
//! an unknown path outside `/api` gets the page shell of the bundle that shows it
//! (`index.html` or `commande.html`, see [`Bundle`]); an unknown path under `/api` gets a
//! problem+json 404.

use std::path::Path;

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};

use shared::bundle::Bundle;

use crate::error::ApiError;
use crate::startup::AppState;

/// Serves the built app from `dir`, preferring the precompressed `.br`/`.gz` siblings.
pub fn files(dir: &Path) -> Files {
    Files::new("/", dir)
        .index_file("index.html")
        .try_compressed()
        .default_handler(actix_web::dev::fn_service(|req: ServiceRequest| async {
            let (req, _) = req.into_parts();
            let response = fallback_response(&req);
            Ok(ServiceResponse::new(req, response))
        }))
}

/// The app's default service when no route and no file matched.
pub async fn fallback(req: HttpRequest) -> HttpResponse {
    fallback_response(&req)
}

fn fallback_response(req: &HttpRequest) -> HttpResponse {
    let path = req.path();
    if path == "/api" || path.starts_with("/api/") {
        return ApiError::NotFound(format!("there is no API resource at {path}")).error_response();
    }
    let shell = Bundle::for_path(path).shell();
    let index = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.static_dir.join(shell));
    match index.map(NamedFile::open) {
        Some(Ok(file)) => {
            let mut response = file.into_response(req);
            response
                .headers_mut()
                .insert(CACHE_CONTROL, "no-cache".parse().expect("valid header"));
            response
        }
        _ => HttpResponse::NotFound()
            .insert_header((CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body("The web app is not built: run `just web` (or `just run`)."),
    }
}
