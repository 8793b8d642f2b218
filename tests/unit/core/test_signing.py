import pytest

from app.core.signing import compute_token, sign

# Computed independently with coreutils: printf 'demo-app&s3cr3t&…&1764342000' | sha256sum
VECTOR = "1e102377b5d20f2c8e38caf7bb5b806d61ca1c328c3fb54680f6cab61aad0a05"


def test_token_matches_fixed_vector() -> None:
    token = compute_token("demo-app", "s3cr3t", "0f8fad5bd9cb469fa16570867728950e", 1764342000)
    assert token == VECTOR


def test_sign_uses_seconds_and_fresh_nonce() -> None:
    first = sign("demo-app", "s3cr3t", clock=lambda: 1764342000.987)
    second = sign("demo-app", "s3cr3t", clock=lambda: 1764342000.987)
    assert first.timestamp == 1764342000
    assert len(first.nonce) == 32 and first.nonce != second.nonce
    assert first.token == compute_token("demo-app", "s3cr3t", first.nonce, 1764342000)


def test_header_placement_sends_everything_in_headers() -> None:
    auth = sign("a", "s", clock=lambda: 10, make_nonce=lambda: "n")
    headers, params = auth.placed("headers")
    assert headers == {
        "appId": "a",
        "nonce": "n",
        "timestamp": "10",
        "timestap": "10",  # the source document's spelling, sent too by default
        "token": auth.token,
    }
    assert params == {}


def test_query_placement_keeps_token_in_header() -> None:
    auth = sign("a", "s", clock=lambda: 10, make_nonce=lambda: "n")
    headers, params = auth.placed("query")
    assert headers == {"token": auth.token}
    assert params == {"appId": "a", "nonce": "n", "timestamp": "10", "timestap": "10"}
    assert "s" not in params.values() and "s" not in headers.values()


@pytest.mark.parametrize("placement", ["headers", "query"])
@pytest.mark.parametrize("name", ["timestamp", "timestap"])
def test_a_profile_may_send_one_spelling_of_the_timestamp(placement, name) -> None:
    auth = sign("a", "s", clock=lambda: 10, make_nonce=lambda: "n")
    headers, params = auth.placed(placement, name)
    sent = {**headers, **params}
    other = {"timestamp": "timestap", "timestap": "timestamp"}[name]
    assert sent[name] == "10" and other not in sent
    assert sent["token"] == compute_token("a", "s", "n", 10)  # the formula does not change
