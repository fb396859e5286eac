//! The TLS settings every client connection uses (mail servers, the team database): rustls with
//! the ring provider and the Mozilla roots, so certificates are checked the same way on every OS.

use std::sync::{Arc, OnceLock};

use tokio_rustls::rustls;

/// The client configuration, built once.
pub(crate) fn client_config() -> Arc<rustls::ClientConfig> {
    static CONFIG: OnceLock<Arc<rustls::ClientConfig>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let roots = rustls::RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            let config = rustls::ClientConfig::builder_with_provider(Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .with_safe_default_protocol_versions()
            .map(|b| b.with_root_certificates(roots).with_no_client_auth())
            .unwrap_or_else(|_| {
                // ring's provider supports the default versions; this is unreachable, but a
                // config without roots fails every handshake instead of panicking.
                rustls::ClientConfig::builder_with_provider(Arc::new(
                    rustls::crypto::ring::default_provider(),
                ))
                .with_protocol_versions(&[&rustls::version::TLS13])
                .expect("TLS 1.3 with ring")
                .with_root_certificates(rustls::RootCertStore::empty())
                .with_no_client_auth()
            });
            Arc::new(config)
        })
        .clone()
}
