import pytest


@pytest.fixture(scope="session")
def engine_en():
    from alignment.match import get_engine
    from alignment.packs import load_pack
    return get_engine(load_pack("en"))
