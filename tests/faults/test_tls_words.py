"""A TLS certificate that fails its check is said in our words, the reason named, OpenSSL's text
only under Details: real HTTPS servers on loopback with certificates made for the test."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.core.errors import TransportError
from app.core.http import ClientSettings, Funnel, make_client
from app.core.messages import describe, detail
from tests.helpers.servers import ScriptedServer, answer

LIST = ("GET", "/mw/template/get_all_private_template")


def _certificate(folder: Path, *, names: list[x509.GeneralName], days: int) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "recall-desk test")])
    now = dt.datetime.now(dt.UTC)
    start, end = (now - dt.timedelta(days=10), now + dt.timedelta(days=days))
    if days < 0:
        start, end = now - dt.timedelta(days=30), now + dt.timedelta(days=days)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


LOOPBACK = [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
OTHER_HOST = [x509.DNSName("mw.example.com")]


@pytest.mark.parametrize(
    ("names", "days", "trusted", "english", "chinese"),
    [
        (LOOPBACK, 30, False, "is self-signed", "自签名"),
        (OTHER_HOST, 30, True, "made out to another host name", "另一个主机名"),
        (LOOPBACK, -1, True, "has expired", "已过期"),
    ],
)
def test_a_failed_certificate_check_says_why_in_both_languages(
    tmp_path: Path, names, days, trusted, english, chinese
) -> None:
    cert, key = _certificate(tmp_path, names=names, days=days)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with ScriptedServer({LIST: answer(200, b'{"template_list":[]}')}) as server:
        server._server.socket = context.wrap_socket(server._server.socket, server_side=True)
        url = server.url.replace("http://", "https://") + LIST[1]
        settings = ClientSettings(timeout=3, ca_bundle=str(cert) if trusted else "")
        with Funnel(make_client(settings)) as funnel, pytest.raises(TransportError) as caught:
            funnel.request("GET", url, idempotent=True)
    error = caught.value
    assert english in describe(error, "en"), describe(error, "en")
    zh = describe(error, "zh")
    assert chinese in zh and "certificate verify failed" not in zh, zh
    assert "certificate verify failed" in detail(error, "en")  # OpenSSL's text, behind Details
