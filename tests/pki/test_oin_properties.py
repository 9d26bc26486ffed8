"""Property tests of OIN, KvK and HRN handling in swfkit.oin."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from swfkit.errors import InvalidOinError
from swfkit.oin import (
    PREFIX_MEANINGS,
    TEST_PREFIX,
    hrn_to_kvk,
    is_valid_oin,
    kvk_to_hrn,
    parse_oin,
)

ALNUM = string.ascii_letters + string.digits


@given(st.text(alphabet=string.digits, min_size=20, max_size=20))
def test_parse_oin_accepts_any_twenty_digits(value: str):
    oin = parse_oin(value)

    assert oin.value == value
    assert oin.prefix == value[:8]
    assert oin.is_test == (value[:8] == TEST_PREFIX)
    assert oin.prefix_meaning == PREFIX_MEANINGS.get(value[:8], "onbekend prefix")


@given(
    st.text(alphabet=string.digits, min_size=8, max_size=8),
    st.text(alphabet=ALNUM, min_size=12, max_size=12),
)
def test_parse_oin_accepts_letters_after_digit_prefix(prefix: str, rest: str):
    assert is_valid_oin(prefix + rest)


@given(st.text(alphabet=ALNUM).filter(lambda text: len(text) != 20))
def test_parse_oin_rejects_wrong_length(value: str):
    with pytest.raises(InvalidOinError, match="20 characters"):
        parse_oin(value)
    assert not is_valid_oin(value)


@given(
    st.text(alphabet=string.digits, min_size=19, max_size=19),
    st.characters().filter(lambda char: char not in ALNUM),
    st.integers(min_value=0, max_value=19),
)
def test_parse_oin_rejects_non_alphanumeric(base: str, char: str, position: int):
    value = base[:position] + char + base[position:]

    assert not is_valid_oin(value)


@given(st.from_type(object).filter(lambda value: not isinstance(value, str)))
def test_is_valid_oin_rejects_non_strings(value: object):
    assert not is_valid_oin(value)


@given(st.text(alphabet=string.digits, min_size=8, max_size=8))
def test_kvk_hrn_round_trip(kvk: str):
    hrn = kvk_to_hrn(kvk)

    assert len(hrn) == 20 and is_valid_oin(hrn)
    assert hrn_to_kvk(hrn) == kvk


@given(st.text(alphabet=string.digits, min_size=20, max_size=20))
def test_hrn_to_kvk_only_for_kvk_prefix(value: str):
    kvk = hrn_to_kvk(value)

    if value.startswith("00000003") and value.endswith("0000"):
        assert kvk == value[8:16]
    else:
        assert kvk is None


@given(
    st.text().filter(
        lambda text: not (len(text) == 8 and text.isascii() and text.isdigit())
    )
)
def test_kvk_to_hrn_rejects_malformed_kvk(value: str):
    with pytest.raises(InvalidOinError):
        kvk_to_hrn(value)
