//! Who the client is: its IP address and whether it came over HTTPS. Behind a reverse proxy
//! the TCP peer is the proxy, which says who its client was in `Forwarded`,
//! `X-Forwarded-For` and `X-Forwarded-Proto`. Those headers are believed only when the
//! peer is one of the proxies the operator named (`--trusted-proxy`); from anyone else they
//! are ignored, so a client cannot choose the address that per-IP limits and logs see.
//!
//! Every use of the client's address or scheme (access log, per-IP limits, HSTS) goes
//! through [`client_ip`] and [`is_https`].

use std::net::{IpAddr, SocketAddr};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::HeaderMap;
use actix_web::{HttpMessage, HttpRequest};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RootSpanBuilder};

/// The reverse proxies whose forwarding headers are believed. Empty: none, the TCP peer is
/// the client. Registered as app data; absent means empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpAddr>);

impl TrustedProxies {
    pub fn new(addresses: impl IntoIterator<Item = IpAddr>) -> TrustedProxies {
        TrustedProxies(addresses.into_iter().map(canonical).collect())
    }

    fn contains(&self, ip: IpAddr) -> bool {
        self.0.contains(&canonical(ip))
    }
}

/// An IPv4 address seen through an IPv6 socket (`::ffff:10.0.0.1`) is that IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// The client's IP address: the TCP peer, unless the peer is a trusted proxy, in which case
/// the nearest address its forwarding headers name that is not itself a trusted proxy.
/// `None` only when there is no peer (a request built in a test without one).
pub fn client_ip(req: &HttpRequest) -> Option<IpAddr> {
    let trusted = req.app_data::<TrustedProxies>();
    client_ip_from(req.peer_addr(), req.headers(), trusted)
}

/// Whether the client reached the site over HTTPS: the connection itself, or, from a trusted
/// proxy, the scheme it forwards (`Forwarded: proto=` or `X-Forwarded-Proto`).
pub fn is_https(req: &HttpRequest) -> bool {
    if req.uri().scheme_str() == Some("https") {
        return true;
    }
    let trusted = req.app_data::<TrustedProxies>();
    if !peer_is_trusted(req.peer_addr(), trusted) {
        return false;
    }
    let headers = req.headers();
    let forwarded = forwarded_params(headers, "proto");
    let proto = if forwarded.is_empty() {
        comma_list(headers, "x-forwarded-proto")
    } else {
        forwarded
    };
    // The last value is the one the nearest proxy, the trusted one, wrote.
    proto
        .last()
        .is_some_and(|p| p.eq_ignore_ascii_case("https"))
}

fn peer_is_trusted(peer: Option<SocketAddr>, trusted: Option<&TrustedProxies>) -> bool {
    match (peer, trusted) {
        (Some(peer), Some(trusted)) => trusted.contains(peer.ip()),
        _ => false,
    }
}

fn client_ip_from(
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
    trusted: Option<&TrustedProxies>,
) -> Option<IpAddr> {
    let peer_ip = canonical(peer?.ip());
    let Some(trusted) = trusted.filter(|t| t.contains(peer_ip)) else {
        return Some(peer_ip);
    };
    let forwarded = forwarded_params(headers, "for");
    let chain = if forwarded.is_empty() {
        comma_list(headers, "x-forwarded-for")
    } else {
        forwarded
    };
    // Each proxy appends the address it received from, so read from the right: the first
    // address that is not one of our proxies is the client. Anything further left was
    // written by that client and proves nothing.
    let mut client = peer_ip;
    for entry in chain.iter().rev() {
        let Some(ip) = parse_node(entry) else {
            // "unknown", an obfuscated name or garbage: stop at the last proxy we know.
            break;
        };
        client = ip;
        if !trusted.contains(ip) {
            break;
        }
    }
    Some(client)
}

/// The values of one header given as comma-separated lists, over every occurrence, in order.
fn comma_list(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(name)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The values of parameter `key` in RFC 7239 `Forwarded` headers, in order.
fn forwarded_params(headers: &HeaderMap, key: &str) -> Vec<String> {
    comma_list(headers, "forwarded")
        .iter()
        .flat_map(|element| element.split(';'))
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case(key))
        .map(|(_, value)| value.trim().trim_matches('"').to_owned())
        .collect()
}

/// An address as forwarding headers write it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`,
/// `[2001:db8::1]` or `[2001:db8::1]:4711`.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(ip) = node.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Ok(socket) = node.parse::<SocketAddr>() {
        return Some(canonical(socket.ip()));
    }
    let bracketed = node.strip_prefix('[')?.split(']').next()?;
    bracketed.parse::<IpAddr>().ok().map(canonical)
}

/// The root span of every request (what the access log and every event in a request carry),
/// as tracing-actix-web's default but with the client address from [`client_ip`]: the
/// default believes `X-Forwarded-For` from anyone.
pub struct ClientSpan;

/// The visits' beacon, whose requests the log keeps without address or browser.
const VISITS_PATH: &str = "/api/v1/visits";

impl RootSpanBuilder for ClientSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let req = request.request();
        // A visit (issue 13) is counted without keeping its address or browser, in the log
        // as anywhere else.
        let anonymous = req.path() == VISITS_PATH;
        let client = client_ip(req)
            .filter(|_| !anonymous)
            .map(|ip| ip.to_string())
            .unwrap_or_default();
        let route = req.match_pattern().unwrap_or_else(|| "default".into());
        let request_id = req
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .copied()
            .map(|id| id.to_string())
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            http.method = %req.method(),
            http.route = %route,
            http.scheme = if is_https(req) { "https" } else { "http" },
            http.client_ip = %client,
            http.user_agent = %req
                .headers()
                .get("user-agent")
                .and_then(|v| v.to_str().ok())
                .filter(|_| !anonymous)
                .unwrap_or(""),
            http.target = %req.uri().path_and_query().map(|p| p.as_str()).unwrap_or(""),
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            request_id = %request_id,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(
        span: Span,
        outcome: &Result<ServiceResponse<B>, actix_web::Error>,
    ) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, SocketAddr};

    use actix_web::test::TestRequest;

    use super::{TrustedProxies, client_ip, is_https};

    const PROXY: &str = "10.0.0.2:50000";

    fn trusted() -> TrustedProxies {
        TrustedProxies::new(["10.0.0.2".parse().unwrap(), "10.0.0.3".parse().unwrap()])
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn request(peer: &str, headers: &[(&str, &str)]) -> actix_web::HttpRequest {
        let mut req = TestRequest::default()
            .peer_addr(peer.parse::<SocketAddr>().unwrap())
            .app_data(trusted());
        for header in headers {
            req = req.insert_header(*header);
        }
        req.to_http_request()
    }

    #[test]
    fn a_forged_forwarded_for_from_an_untrusted_peer_is_ignored() {
        let req = request("203.0.113.9:41000", &[("x-forwarded-for", "1.2.3.4")]);
        assert_eq!(client_ip(&req), ip("203.0.113.9"));
        let req = request(
            "203.0.113.9:41000",
            &[("forwarded", "for=1.2.3.4;proto=https")],
        );
        assert_eq!(client_ip(&req), ip("203.0.113.9"));
        assert!(!is_https(&req), "an untrusted peer cannot claim HTTPS");
        let req = request("203.0.113.9:41000", &[("x-forwarded-proto", "https")]);
        assert!(!is_https(&req));
    }

    #[test]
    fn with_no_trusted_proxy_configured_the_peer_is_the_client() {
        let req = TestRequest::default()
            .peer_addr(PROXY.parse().unwrap())
            .insert_header(("x-forwarded-for", "1.2.3.4"))
            .insert_header(("x-forwarded-proto", "https"))
            .to_http_request();
        assert_eq!(client_ip(&req), ip("10.0.0.2"));
        assert!(!is_https(&req));
    }

    #[test]
    fn a_trusted_proxy_names_the_client() {
        let req = request(PROXY, &[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(client_ip(&req), ip("198.51.100.7"));
        let req = request(PROXY, &[("x-forwarded-proto", "https")]);
        assert!(is_https(&req));
        let req = request(PROXY, &[("x-forwarded-proto", "http")]);
        assert!(!is_https(&req));
        // No header: the proxy itself is the client (a health check from the proxy).
        assert_eq!(client_ip(&request(PROXY, &[])), ip("10.0.0.2"));
    }

    #[test]
    fn only_the_entries_our_proxies_appended_are_believed() {
        // The client sent "X-Forwarded-For: 1.2.3.4" itself; the proxy appended the real one.
        let req = request(PROXY, &[("x-forwarded-for", "1.2.3.4, 198.51.100.7")]);
        assert_eq!(client_ip(&req), ip("198.51.100.7"));
        // Two proxies of ours in a row.
        let req = request(
            PROXY,
            &[("x-forwarded-for", "1.2.3.4, 198.51.100.7, 10.0.0.3")],
        );
        assert_eq!(client_ip(&req), ip("198.51.100.7"));
        // Over two header lines.
        let req = request(
            PROXY,
            &[
                ("x-forwarded-for", "1.2.3.4"),
                ("x-forwarded-for", "198.51.100.7"),
            ],
        );
        assert_eq!(client_ip(&req), ip("198.51.100.7"));
        // Garbage where the address should be: stop at the proxy.
        let req = request(PROXY, &[("x-forwarded-for", "not-an-address")]);
        assert_eq!(client_ip(&req), ip("10.0.0.2"));
    }

    #[test]
    fn the_standard_forwarded_header_is_read_and_wins() {
        let req = request(
            PROXY,
            &[
                (
                    "forwarded",
                    "for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.2",
                ),
                ("x-forwarded-for", "1.2.3.4"),
            ],
        );
        assert_eq!(client_ip(&req), ip("2001:db8:cafe::17"));
        assert!(is_https(&req));
        let req = request(PROXY, &[("forwarded", "for=192.0.2.60:8080, for=10.0.0.3")]);
        assert_eq!(client_ip(&req), ip("192.0.2.60"));
    }

    #[test]
    fn an_ipv4_proxy_seen_through_an_ipv6_socket_is_still_trusted() {
        let req = request(
            "[::ffff:10.0.0.2]:50000",
            &[("x-forwarded-for", "198.51.100.7")],
        );
        assert_eq!(client_ip(&req), ip("198.51.100.7"));
    }
}
