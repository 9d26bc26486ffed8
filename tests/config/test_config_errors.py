from __future__ import annotations

from pathlib import Path

import pytest

from swfkit.config import Settings, load_settings
from swfkit.errors import ConfigurationError, InvalidOinError
from swfkit.pki import IssuedCertificate, TestPki

OIN = "00000099000000000001"
URL = "https://swf.example/api"


@pytest.fixture
def good(organisation: IssuedCertificate, pki: TestPki) -> dict[str, object]:
    return {
        "base_url": URL,
        "oin": OIN,
        "cert_path": organisation.cert_path,
        "key_path": organisation.key_path,
        "ca_bundle": pki.ca_bundle_path,
    }


def _error(settings: Settings) -> ConfigurationError:
    with pytest.raises(ConfigurationError) as caught:
        settings.validate()
    return caught.value


def test_valid_settings_pass(good: dict[str, object]):
    load_settings(environ={}, **good).validate()


def test_missing_base_url_names_setting_and_fix(good: dict[str, object]):
    good.pop("base_url")

    error = _error(load_settings(environment="local", environ={}, **good))

    assert "no base URL" in str(error) and "base_url" in str(error)
    assert "--base-url" in (error.fix or "")


def test_http_base_url_refused(good: dict[str, object]):
    error = _error(load_settings(environ={}, **good | {"base_url": "http://x.example"}))

    assert "not https" in str(error)


def test_no_certificate_refused(good: dict[str, object]):
    good.pop("cert_path")
    good.pop("key_path")

    assert "no client certificate" in str(_error(load_settings(environ={}, **good)))


def test_certificate_without_key_refused(good: dict[str, object]):
    good.pop("key_path")

    error = _error(load_settings(environ={}, **good))

    assert "without its key" in str(error) and "key_path" in str(error)
    assert "--key" in (error.fix or "")


def test_missing_file_names_file_setting_and_source(
    good: dict[str, object], tmp_path: Path
):
    missing = tmp_path / "nope.pem"

    error = _error(
        load_settings(environ={"SWF_CERT": str(missing)}, **good | {"cert_path": None})
    )

    assert error.source == str(missing)
    assert "does not exist" in str(error)
    assert "cert_path" in str(error) and "env SWF_CERT" in str(error)
    assert error.fix == "check the path"


def test_directory_instead_of_file(good: dict[str, object], tmp_path: Path):
    error = _error(load_settings(environ={}, **good | {"ca_bundle": tmp_path}))

    assert "directory" in str(error) and "ca_bundle" in str(error)


def test_key_file_that_is_a_certificate(
    good: dict[str, object], organisation: IssuedCertificate
):
    error = _error(
        load_settings(environ={}, **good | {"key_path": organisation.cert_path})
    )

    assert error.source == str(organisation.cert_path)
    assert "key_path" in str(error)


def test_pkcs12_without_password(
    good: dict[str, object], organisation: IssuedCertificate
):
    settings = load_settings(
        environ={},
        **good
        | {
            "cert_path": None,
            "key_path": None,
            "pkcs12_path": organisation.pkcs12_path,
        },
    )

    error = _error(settings)

    assert "no password" in str(error)
    assert "SWF_PKCS12_PASSWORD" in (error.fix or "")


def test_pkcs12_wrong_password_names_file(
    good: dict[str, object], organisation: IssuedCertificate
):
    settings = load_settings(
        environ={"SWF_PKCS12_PASSWORD": "fout"},
        **good
        | {
            "cert_path": None,
            "key_path": None,
            "pkcs12_path": organisation.pkcs12_path,
        },
    )

    error = _error(settings)

    assert error.source == str(organisation.pkcs12_path)
    assert "wrong password" in str(error)
    assert "--pkcs12-password" in (error.fix or "")


def test_malformed_acting_oin(good: dict[str, object]):
    with pytest.raises(InvalidOinError, match="20 characters"):
        load_settings(environ={}, **good | {"oin": "123"}).validate()


def test_missing_acting_oin(good: dict[str, object]):
    error = _error(load_settings(environ={}, **good | {"oin": None}))

    assert "no acting OIN" in str(error) and "--oin" in (error.fix or "")


def test_missing_config_file_from_env(tmp_path: Path):
    missing = tmp_path / "absent.toml"

    with pytest.raises(ConfigurationError) as caught:
        load_settings(environ={"SWF_CONFIG": str(missing)})

    assert caught.value.source == str(missing)
    assert "SWF_CONFIG" in (caught.value.fix or "")


def test_unknown_profile_lists_profiles(tmp_path: Path):
    file = tmp_path / "c.toml"
    file.write_text("[profiles.a]\n[profiles.b]\n")

    with pytest.raises(ConfigurationError) as caught:
        load_settings(config_file=file, profile="c", environ={})

    assert caught.value.source == str(file)
    assert caught.value.fix == "use one of: a, b"


def test_profile_without_file(isolated: Path):
    with pytest.raises(ConfigurationError, match="no configuration file"):
        load_settings(profile="x", environ={})


def test_bad_toml_names_file(tmp_path: Path):
    file = tmp_path / "c.toml"
    file.write_text("[profiles.a\n")

    with pytest.raises(ConfigurationError, match="not valid TOML") as caught:
        load_settings(config_file=file, environ={})

    assert caught.value.source == str(file)


def test_unknown_profile_key_names_it(tmp_path: Path):
    file = tmp_path / "c.toml"
    file.write_text('default_profile = "a"\n[profiles.a]\ncert_file = "x"\n')

    with pytest.raises(ConfigurationError, match="cert_file") as caught:
        load_settings(config_file=file, environ={})

    assert "cert" in (caught.value.fix or "")


def test_bad_timeout_in_profile(tmp_path: Path):
    file = tmp_path / "c.toml"
    file.write_text('[profiles.a]\nread_timeout = "soon"\n')

    with pytest.raises(ConfigurationError, match="read_timeout") as caught:
        load_settings(config_file=file, profile="a", environ={})

    assert "profile a in" in (caught.value.source or "")


def test_unknown_environment_names_source():
    with pytest.raises(ConfigurationError, match="env SWF_ENVIRONMENT") as caught:
        load_settings(environ={"SWF_ENVIRONMENT": "acc"})

    assert "pre, prod, local" in (caught.value.fix or "")


def test_unknown_identity_lists_names(identities_file: Path):
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_identities(identities_file, "gemeente-onbekend")

    assert caught.value.source == str(identities_file)
    assert "gemeente-aadorp" in (caught.value.fix or "")


def test_identity_without_identities_file():
    with pytest.raises(ConfigurationError, match="no identities file"):
        load_settings(environ={"SWF_IDENTITY": "gemeente-aadorp"})


def test_identities_file_not_json(tmp_path: Path):
    file = tmp_path / "identities.json"
    file.write_text("not json")

    with pytest.raises(ConfigurationError, match="not a simulator identities"):
        load_settings(environ={}, identities=file, identity="x")
