"""URL joining and the foreign-host guard, by example and by property."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from swfkit.client.base import path
from swfkit.client.urls import BaseUrl
from swfkit.errors import ConfigurationError, ForeignUrlError

BASE = BaseUrl.parse("https://swf.example.nl/overheid/samenwerken/api/behandelen/v5")
PREFIX = "https://swf.example.nl/overheid/samenwerken/api/behandelen/v5"


def _inside(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme == "https"
        and parts.hostname == "swf.example.nl"
        and parts.port is None
        and "@" not in parts.netloc
        and (parts.path == BASE.path or parts.path.startswith(BASE.path + "/"))
        and "/../" not in parts.path + "/"
    )


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("samenwerkingen", f"{PREFIX}/samenwerkingen"),
        ("samenwerkingen?page=1&size=5", f"{PREFIX}/samenwerkingen?page=1&size=5"),
        (f"{PREFIX}/notificaties?page=2", f"{PREFIX}/notificaties?page=2"),
        (
            "HTTPS://SWF.example.nl:443/overheid/samenwerken/api/behandelen/v5/x",
            f"{PREFIX}/x",
        ),
        (
            "/overheid/samenwerken/api/behandelen/v5/documenten/1",
            f"{PREFIX}/documenten/1",
        ),
        ("a/./b/../c", f"{PREFIX}/a/c"),
    ],
)
def test_join_resolves_inside_base(ref, expected):
    assert BASE.join(ref) == expected


@pytest.mark.parametrize(
    "ref",
    [
        "https://evil.example/overheid/samenwerken/api/behandelen/v5/x",
        "http://swf.example.nl/overheid/samenwerken/api/behandelen/v5/x",
        "https://swf.example.nl:8443/overheid/samenwerken/api/behandelen/v5/x",
        "https://swf.example.nl.evil.example/overheid/samenwerken/api/behandelen/v5",
        "https://swf.example.nl@evil.example/overheid/samenwerken/api/behandelen/v5",
        "https://user:pw@swf.example.nl/overheid/samenwerken/api/behandelen/v5/x",
        "//evil.example/x",
        "/overheid/samenwerken/api/behandelen/v4/x",
        "/overheid/samenwerken/api/behandelen/v5x",
        "../v4/samenwerkingen",
        "a/../../v4",
        "%2e%2e/v4",
        "a%2f..%2f..%2fv4",
        "..\\v4",
        "https://[::1",
    ],
)
def test_join_refuses_anything_outside_base(ref):
    with pytest.raises(ForeignUrlError):
        BASE.join(ref)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "ftp://host/x",
        "https:///x",
        "https://h/x?q=1",
        "https://u@h/x",
        "https://h:x/",
    ],
)
def test_base_url_parse_rejects_unusable_configuration(url):
    with pytest.raises(ConfigurationError):
        BaseUrl.parse(url)


def test_path_quotes_ids_so_they_cannot_add_levels():
    assert path("documenten", "a b?c#d") == "documenten/a%20b%3Fc%23d"
    for bad in ("..", ".", "", "a/b", "%2e%2e"):
        with pytest.raises(ValueError):
            path("documenten", bad)


_ATOMS = st.sampled_from(
    [
        "..",
        ".",
        "",
        "a",
        "v4",
        "v5",
        "%2e",
        "%2E%2e",
        "%2f",
        "\\",
        "@",
        ":",
        "evil.example",
        "swf.example.nl",
        "//",
        "?x=/../",
        "#frag",
        "%",
        "[",
        "]",
    ]
)
_REFS = st.one_of(
    st.lists(_ATOMS, max_size=8).map("/".join),
    st.lists(_ATOMS, max_size=8).map(lambda atoms: "/" + "/".join(atoms)),
    st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}/{rest}",
        st.sampled_from(["https", "http", "HTTPS", "ftp"]),
        st.sampled_from(
            [
                "swf.example.nl",
                "swf.example.nl:443",
                "evil.example",
                "swf.example.nl:80",
                "a@swf.example.nl",
                "[::1]",
            ]
        ),
        st.lists(_ATOMS, max_size=6).map("/".join),
    ),
    st.text(max_size=40),
)


@given(_REFS)
def test_join_result_is_always_inside_base_or_refused(ref):
    try:
        url = BASE.join(ref)
    except ForeignUrlError:
        return
    assert _inside(url), url


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4))
def test_joined_ids_stay_exactly_that_many_levels_deep(ids):
    try:
        relative = path("documenten", *ids)
    except ValueError:
        return
    url = BASE.join(relative)

    assert _inside(url)
    assert urlsplit(url).path.count("/") == BASE.path.count("/") + 1 + len(ids)
