from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from swfkit import config
from swfkit.config import Settings, load_settings
from swfkit.pki import IssuedCertificate, TestPki
from swfkit.tlscontext import build_ssl_context

OIN = "00000099000000000001"
ARG_URL = "https://argument.example/api"
ENV_URL = "https://env.example/api"
PROFILE_URL = "https://profile.example/api"
IDENTITIES_URL = "https://127.0.0.1:8443/overheid/samenwerken/api/behandelen/v5"


def _write_profile(path: Path, body: str) -> Path:
    path.write_text(body)
    return path


@pytest.fixture
def profile_file(tmp_path: Path, identities_file: Path) -> Path:
    return _write_profile(
        tmp_path / "profiles.toml",
        f"""
default_profile = "sim"

[profiles.sim]
base_url = "{PROFILE_URL}"
identities = "{identities_file}"
identity = "gemeente-aadorp"
read_timeout = 5

[profiles.other]
environment = "prod"
""",
    )


@pytest.mark.parametrize(
    ("layers", "expected_url", "expected_source"),
    [
        ({"argument", "env", "profile"}, ARG_URL, "argument"),
        ({"env", "profile"}, ENV_URL, "env SWF_BASE_URL"),
        ({"profile"}, PROFILE_URL, "profile sim in"),
        ({"identities"}, IDENTITIES_URL, "identities"),
        (set(), config.ENVIRONMENTS["pre"], "default for pre"),
    ],
    ids=["argument", "env", "profile", "identities", "default"],
)
def test_base_url_precedence_by_layer(
    layers: set[str],
    expected_url: str,
    expected_source: str,
    profile_file: Path,
    identities_file: Path,
):
    environ = {"SWF_BASE_URL": ENV_URL} if "env" in layers else {}
    overrides: dict[str, object] = {"base_url": ARG_URL} if "argument" in layers else {}
    if "identities" in layers:
        overrides |= {"identities": identities_file, "identity": "gemeente-aadorp"}

    settings = load_settings(
        config_file=profile_file if "profile" in layers else None,
        environ=environ,
        **overrides,
    )

    assert settings.base_url == expected_url
    assert settings.source_of("base_url").startswith(expected_source)


def test_identities_fill_below_profile(profile_file: Path, identities_file: Path):
    settings = load_settings(config_file=profile_file, environ={})
    world = identities_file.parent

    assert settings.base_url == PROFILE_URL
    assert settings.environment == "local"
    assert settings.oin == OIN
    assert settings.oin_header == "X-Acting-OIN"
    assert settings.cert_path == world / "pki" / "certs" / "gemeente-aadorp.pem"
    assert settings.key_path == world / "pki" / "certs" / "gemeente-aadorp.key"
    assert settings.ca_bundle == world / "pki" / "ca-bundle.pem"
    assert settings.read_timeout == 5.0
    assert settings.identity == "gemeente-aadorp"
    assert settings.source_of("oin") == f"identities {identities_file}"
    assert settings.source_of("read_timeout") == f"profile sim in {profile_file}"
    settings.check_files()


def test_env_beats_profile_and_argument_beats_env(profile_file: Path):
    environ = {
        "SWF_CONFIG": str(profile_file),
        "SWF_OIN": "00000099000000000007",
        "SWF_OIN_HEADER": "X-Env",
    }

    from_env = load_settings(environ=environ)
    from_argument = load_settings(environ=environ, oin="00000099000000000008")

    assert (from_env.oin, from_env.source_of("oin")) == (
        "00000099000000000007",
        "env SWF_OIN",
    )
    assert from_env.oin_header == "X-Env"
    assert (from_argument.oin, from_argument.source_of("oin")) == (
        "00000099000000000008",
        "argument",
    )


def test_profile_chosen_by_env_and_argument(profile_file: Path):
    by_env = load_settings(config_file=profile_file, environ={"SWF_PROFILE": "other"})
    by_argument = load_settings(
        config_file=profile_file, profile="other", environ={"SWF_PROFILE": "sim"}
    )

    assert by_env.environment == "prod"
    assert by_env.base_url == config.ENVIRONMENTS["prod"]
    assert by_argument.environment == "prod"


def test_environment_defaults(isolated: Path):
    assert load_settings(environ={}).base_url == config.ENVIRONMENTS["pre"]
    assert load_settings(environment="prod", environ={}).base_url.endswith(
        "/behandelen/v4"
    )
    assert load_settings(environment="local", environ={}).base_url is None
    assert config.ENVIRONMENTS["pre"] == (
        "https://pkio.service.pre.omgevingswet.overheid.nl"
        "/overheid/samenwerken/api/beheren/v1"
    )


def test_non_swf_variables_ignored(organisation: IssuedCertificate, pki: TestPki):
    environ = {
        "REQUESTS_CA_BUNDLE": str(pki.ca_bundle_path),
        "SSL_CERT_FILE": str(pki.ca_bundle_path),
        "CURL_CA_BUNDLE": str(pki.ca_bundle_path),
        "OIN": OIN,
        "BASE_URL": "https://elsewhere.example",
    }

    settings = load_settings(environ=environ)

    assert settings.ca_bundle is None
    assert settings.oin is None
    assert settings.base_url == config.ENVIRONMENTS["pre"]
    assert set(settings.sources.values()) <= {"default", "default for pre"}


def test_process_ca_variables_do_not_reach_tls_context(
    monkeypatch: pytest.MonkeyPatch, organisation: IssuedCertificate, pki: TestPki
):
    # Point every CA variable at our test root; without ca_bundle it must still
    # not be trusted, and with ca_bundle only that bundle counts.
    for name in ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(name, str(pki.ca_bundle_path))
    monkeypatch.setenv("SSL_CERT_DIR", str(pki.directory))
    base = {
        "cert_path": organisation.cert_path,
        "key_path": organisation.key_path,
        "oin": OIN,
    }

    default_context = build_ssl_context(load_settings(**base))
    own_context = build_ssl_context(load_settings(ca_bundle=pki.ca_bundle_path, **base))

    def issuers(context: ssl.SSLContext) -> set[str]:
        return {
            str(dict(x[0] for x in c["subject"]).get("commonName"))
            for c in context.get_ca_certs()
        }

    assert load_settings(**base).ca_bundle is None
    assert not any("swfkit TEST" in name for name in issuers(default_context))
    assert issuers(own_context) == {
        "swfkit TEST Root CA - NIET VOOR PRODUCTIE",
        "swfkit TEST Private Services CA - NIET VOOR PRODUCTIE",
    }


def test_pkcs12_from_env_replaces_pem_from_profile(
    tmp_path: Path, organisation: IssuedCertificate
):
    profile = _write_profile(
        tmp_path / "c.toml",
        f'[profiles.p]\ncert = "{organisation.cert_path}"\n'
        f'key = "{organisation.key_path}"\n',
    )
    environ = {
        "SWF_PKCS12": str(organisation.pkcs12_path),
        "SWF_PKCS12_PASSWORD": organisation.pkcs12_password or "",
    }

    settings = load_settings(config_file=profile, profile="p", environ=environ)

    assert settings.cert_path is None and settings.key_path is None
    assert settings.uses_pkcs12
    assert settings.pkcs12_path == organisation.pkcs12_path


def test_pem_argument_replaces_pkcs12_from_env(organisation: IssuedCertificate):
    environ = {"SWF_PKCS12": str(organisation.pkcs12_path), "SWF_PKCS12_PASSWORD": "x"}

    settings = load_settings(
        environ=environ,
        cert_path=organisation.cert_path,
        key_path=organisation.key_path,
    )

    assert settings.pkcs12_path is None and not settings.uses_pkcs12
    assert settings.cert_path == organisation.cert_path


def test_identity_with_only_pkcs12(identities_file: Path):
    settings = Settings.from_identities(identities_file, "alleen-p12")

    assert settings.uses_pkcs12
    assert settings.pkcs12_password
    assert settings.oin == "00000099000000000009"
    settings.validate()
    assert build_ssl_context(settings).verify_mode == ssl.CERT_REQUIRED


def test_identity_own_oin_unless_given(identities_file: Path):
    own = Settings.from_identities(identities_file, "leverancier")
    acting = Settings.from_identities(identities_file, "leverancier", oin=OIN)

    assert own.oin == "00000099000000000009"
    assert acting.oin == OIN
    assert acting.source_of("oin") == "argument"


def test_config_file_discovered_in_cwd_then_home(isolated: Path, tmp_path: Path):
    home_file = tmp_path / "home" / ".config" / "swfkit" / "config.toml"
    home_file.parent.mkdir(parents=True)
    _write_profile(home_file, '[profiles.h]\nbase_url = "https://home.example"\n')

    from_home = load_settings(profile="h", environ={})
    _write_profile(
        isolated / "swfkit.toml", '[profiles.h]\nbase_url = "https://cwd.example"\n'
    )
    from_cwd = load_settings(profile="h", environ={})

    assert from_home.base_url == "https://home.example"
    assert from_cwd.base_url == "https://cwd.example"


def test_profile_paths_relative_to_file(tmp_path: Path):
    folder = tmp_path / "conf"
    folder.mkdir()
    profile = _write_profile(
        folder / "swfkit.toml", '[profiles.p]\ncert = "certs/a.pem"\n'
    )

    settings = load_settings(config_file=profile, profile="p", environ={})

    assert settings.cert_path == folder / "certs" / "a.pem"


def test_unknown_setting_is_type_error():
    with pytest.raises(TypeError, match="colour"):
        load_settings(environ={}, colour="blue")


def test_repr_hides_password(organisation: IssuedCertificate):
    settings = load_settings(
        environ={"SWF_PKCS12_PASSWORD": "zeer-geheim"},
        pkcs12_path=organisation.pkcs12_path,
    )

    assert "zeer-geheim" not in repr(settings)
    assert "zeer-geheim" not in str(settings.sources)
    assert settings.pkcs12_password == "zeer-geheim"
