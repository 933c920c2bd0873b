import pytest

from .browser import start_browser, stop_browser


@pytest.fixture(scope="session")
def browser():
    driver = start_browser()
    yield driver
    stop_browser(driver)
