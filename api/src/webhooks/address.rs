//! Where a webhook may go (SSRF): only `https`, or plain `http` to this machine when the
//! server runs with `--allow-insecure-webhooks`; never to an address of a private network.
//! The host is resolved at registration and again at every attempt, every address it
//! resolves to must pass [`is_forbidden`], and the connection is pinned to the address
//! checked (so a second lookup cannot swap it).

use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use url::{Host, Url};

/// What the server's options allow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// `--allow-insecure-webhooks`: plain `http`, and loopback addresses, for tests and
    /// development.
    pub allow_insecure: bool,
    /// `--webhooks-loopback-only`: nothing but this machine (the contract fuzzer's server).
    pub loopback_only: bool,
}

/// An endpoint's address, checked for its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub url: Url,
    /// The host as written (a name, or an address without brackets).
    pub host: String,
    pub port: u16,
    /// The address, when the host is one (nothing to resolve).
    pub literal: Option<IpAddr>,
}

/// Whether `ip` belongs to a network a webhook must never reach: loopback, private (RFC
/// 1918), link-local, shared (CGNAT), unique local, unspecified, multicast, broadcast or
/// reserved; an IPv6 form of an IPv4 address (mapped, compatible, NAT64) counts as that
/// IPv4 address.
pub fn is_forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4_forbidden(v4),
        IpAddr::V6(v6) => v6_forbidden(v6),
    }
}

fn v4_forbidden(ip: Ipv4Addr) -> bool {
    let [a, b, _, _] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        // Shared address space (CGNAT), 100.64.0.0/10.
        || (a == 100 && (b & 0xc0) == 64)
        // IETF protocol assignments, 192.0.0.0/24; benchmarking, 198.18.0.0/15.
        || (a == 192 && b == 0 && ip.octets()[2] == 0)
        || (a == 198 && (b & 0xfe) == 18)
        // Reserved, 240.0.0.0/4.
        || a >= 240
}

fn v6_forbidden(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return v4_forbidden(v4);
    }
    let s = ip.segments();
    // IPv4-compatible (::a.b.c.d, deprecated) and NAT64 (64:ff9b::/96) embed an IPv4 address.
    let embedded = Ipv4Addr::new(
        (s[6] >> 8) as u8,
        (s[6] & 0xff) as u8,
        (s[7] >> 8) as u8,
        (s[7] & 0xff) as u8,
    );
    if s[..6] == [0; 6] && !ip.is_loopback() && !ip.is_unspecified() {
        return v4_forbidden(embedded);
    }
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0; 4] {
        return v4_forbidden(embedded);
    }
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        // Link-local fe80::/10, unique local fc00::/7, site-local fec0::/10 (deprecated).
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfec0
        // Documentation, 2001:db8::/32.
        || (s[0] == 0x2001 && s[1] == 0x0db8)
}

/// Whether `ip` is this machine (loopback, in any of its forms).
pub fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

/// Whether the policy lets a webhook reach `ip`.
pub fn allows(policy: Policy, ip: IpAddr) -> bool {
    if policy.loopback_only {
        return is_loopback(ip);
    }
    !is_forbidden(ip) || (policy.allow_insecure && is_loopback(ip))
}

/// A name that means this machine without asking a resolver.
fn is_loopback_name(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "localhost" || host.ends_with(".localhost")
}

/// Checks an address's shape, without resolving it: `https` (or `http` to this machine
/// when allowed), a host, no credentials; an address given as such must be allowed.
pub fn parse_target(raw: &str, policy: Policy) -> Result<Target, String> {
    let url = Url::parse(raw.trim()).map_err(|err| format!("is not an address ({err})"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not hold a user name or password".into());
    }
    let (host, literal) = match url.host() {
        Some(Host::Domain(name)) => (name.to_owned(), None),
        Some(Host::Ipv4(ip)) => (ip.to_string(), Some(IpAddr::V4(ip))),
        Some(Host::Ipv6(ip)) => (ip.to_string(), Some(IpAddr::V6(ip))),
        None => return Err("must name a host".into()),
    };
    let local = literal.map_or_else(|| is_loopback_name(&host), is_loopback);
    match url.scheme() {
        "https" => {}
        "http" if policy.allow_insecure && local => {}
        "http" if policy.allow_insecure => {
            return Err("must start with https:// (plain http only to this machine)".into());
        }
        _ => return Err("must start with https://".into()),
    }
    if policy.loopback_only && !local {
        return Err("must be this machine: the server runs with --webhooks-loopback-only".into());
    }
    if let Some(ip) = literal
        && !allows(policy, ip)
    {
        return Err(format!("points at {ip}, a private or local address"));
    }
    if literal.is_none() && local && !policy.allow_insecure && !policy.loopback_only {
        return Err(format!("points at {host}, this machine"));
    }
    let port = url.port_or_known_default().unwrap_or(443);
    Ok(Target {
        url,
        host,
        port,
        literal,
    })
}

/// Resolves the target with `resolve` (unless it is an address) and checks every address it
/// gives: one refused address refuses the target. The address to connect to.
pub async fn resolve_checked<R, F>(
    target: &Target,
    policy: Policy,
    resolve: R,
) -> Result<SocketAddr, String>
where
    R: FnOnce(String, u16) -> F,
    F: Future<Output = io::Result<Vec<SocketAddr>>>,
{
    let addresses = match target.literal {
        Some(ip) => vec![SocketAddr::new(ip, target.port)],
        None if policy.loopback_only => {
            if !is_loopback_name(&target.host) {
                return Err(format!("{} is not this machine", target.host));
            }
            vec![SocketAddr::new(
                IpAddr::V4(Ipv4Addr::LOCALHOST),
                target.port,
            )]
        }
        None => resolve(target.host.clone(), target.port)
            .await
            .map_err(|err| format!("{} does not resolve: {err}", target.host))?,
    };
    if addresses.is_empty() {
        return Err(format!("{} resolves to no address", target.host));
    }
    if let Some(refused) = addresses.iter().find(|a| !allows(policy, a.ip())) {
        return Err(format!(
            "{} resolves to {}, a private or local address",
            target.host,
            refused.ip()
        ));
    }
    Ok(addresses[0])
}

/// The system's resolver.
pub async fn system_resolve(host: String, port: u16) -> io::Result<Vec<SocketAddr>> {
    Ok(tokio::net::lookup_host((host.as_str(), port))
        .await?
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRICT: Policy = Policy {
        allow_insecure: false,
        loopback_only: false,
    };
    const INSECURE: Policy = Policy {
        allow_insecure: true,
        loopback_only: false,
    };

    /// A resolver that answers from a table and never touches the network.
    fn table(
        entries: &'static [(&'static str, &'static str)],
    ) -> impl FnOnce(String, u16) -> std::future::Ready<io::Result<Vec<SocketAddr>>> {
        move |host, port| {
            let found: Vec<SocketAddr> = entries
                .iter()
                .filter(|(name, _)| *name == host)
                .map(|(_, ip)| SocketAddr::new(ip.parse().unwrap(), port))
                .collect();
            std::future::ready(if found.is_empty() {
                Err(io::Error::new(io::ErrorKind::NotFound, "unknown"))
            } else {
                Ok(found)
            })
        }
    }

    async fn check(
        url: &str,
        policy: Policy,
        resolver: &'static [(&'static str, &'static str)],
    ) -> Result<SocketAddr, String> {
        let target = parse_target(url, policy)?;
        resolve_checked(&target, policy, table(resolver)).await
    }

    #[actix_web::test]
    async fn private_and_local_addresses_are_refused_without_the_flag() {
        const NAMES: &[(&str, &str)] = &[
            ("intranet.example", "10.0.0.5"),
            ("mixed.example", "93.184.215.14"),
            ("mixed.example", "192.168.1.1"),
            ("shop.example", "93.184.215.14"),
            ("v6.example", "fd00::1"),
        ];
        for url in [
            "https://127.0.0.1/hook",
            "https://10.0.0.1/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:10.0.0.1]/hook",
            "https://[fe80::1]/hook",
            "https://[fc00::1]/hook",
            "https://100.64.0.1/hook",
            "https://172.16.0.1/hook",
            "https://192.168.0.1/hook",
            "https://0.0.0.0/hook",
            "https://[::]/hook",
            "https://[64:ff9b::a00:1]/hook",
            "https://localhost/hook",
            "https://intranet.example/hook",
            "https://mixed.example/hook",
            "https://v6.example/hook",
            "http://shop.example/hook",
            "ftp://shop.example/hook",
            "https://user:pw@shop.example/hook",
        ] {
            assert!(check(url, STRICT, NAMES).await.is_err(), "{url} passed");
        }
        assert_eq!(
            check("https://shop.example:8443/hook", STRICT, NAMES).await,
            Ok("93.184.215.14:8443".parse().unwrap())
        );
        assert_eq!(
            check("https://[2606:4700::1111]/hook", STRICT, NAMES).await,
            Ok("[2606:4700::1111]:443".parse().unwrap())
        );
    }

    #[actix_web::test]
    async fn the_flag_lets_plain_http_reach_this_machine_only() {
        const NAMES: &[(&str, &str)] =
            &[("localhost", "127.0.0.1"), ("intranet.example", "10.0.0.5")];
        assert_eq!(
            check("http://127.0.0.1:9000/hook", INSECURE, NAMES).await,
            Ok("127.0.0.1:9000".parse().unwrap())
        );
        assert!(
            check("http://localhost:9000/hook", INSECURE, NAMES)
                .await
                .is_ok()
        );
        assert!(
            check("http://[::ffff:127.0.0.1]:9000/", INSECURE, NAMES)
                .await
                .is_ok()
        );
        for url in [
            "http://10.0.0.1/hook",
            "https://10.0.0.1/hook",
            "http://intranet.example/hook",
            "https://intranet.example/hook",
            "https://169.254.169.254/",
        ] {
            assert!(check(url, INSECURE, NAMES).await.is_err(), "{url} passed");
        }
    }

    #[actix_web::test]
    async fn loopback_only_never_asks_a_resolver() {
        let policy = Policy {
            allow_insecure: false,
            loopback_only: true,
        };
        let target = parse_target("https://localhost:1/x", policy).unwrap();
        let never = |_: String, _: u16| async { panic!("resolved") };
        assert_eq!(
            resolve_checked(&target, policy, never).await,
            Ok("127.0.0.1:1".parse().unwrap())
        );
        assert!(parse_target("https://shop.example/x", policy).is_err());
        assert!(parse_target("https://93.184.215.14/x", policy).is_err());
    }
}
