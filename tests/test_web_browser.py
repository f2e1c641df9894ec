"""The web page in a real browser: Debian's chromium, headless, through Selenium.

A patient fills the form (and makes a mistake), gets the PDF and checks its
text, saves the answers and starts again from them; someone does it all with
the keyboard alone; axe-core checks every screen (its script ships inside
axe-selenium-python: nothing is fetched). Screenshots of every screen go to
$WORKSHEETS_SCREENSHOTS when set, to look at.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import MARIA, pdf_text
from websupport import Server, browser, screens_after, start_server, wait_for_next_page

from worksheets.answers import load_answers
from worksheets.schema import OwnPriority, with_priorities

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(tmp_path_factory.mktemp("web-home"))
    yield server
    server.stop()


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def driver(downloads: Path) -> Iterator[Any]:
    driver = browser(width=820, height=1000)  # about a tablet's width
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    yield driver
    driver.quit()


def shot(driver: Any, name: str) -> None:
    folder = os.environ.get("WORKSHEETS_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, min(height + 140, 6000))
    driver.save_screenshot(str(Path(folder) / f"{name}.png"))
    driver.set_window_size(width, 1000)


def axe_clean(driver: Any) -> None:
    """axe-core finds no violation on the page as it is now."""
    from axe_selenium_python import Axe

    axe = Axe(driver)
    assert Path(axe.script_url).is_file()  # shipped with the package, read from disk
    axe.inject()
    results = axe.run()
    assert results["violations"] == [], axe.report(results["violations"])


def css(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def go(driver: Any, selector: str) -> None:
    """Press a button that loads another page, and wait until it has."""
    button = css(driver, selector)
    wait_for_next_page(driver, button.click)


def next_screen(driver: Any) -> None:
    go(driver, 'button[name="go"][value="next"]')


def heading(driver: Any) -> str:
    return str(css(driver, "h1").text)


def wait_for_file(folder: Path, suffix: str, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == suffix]
        if done:
            time.sleep(0.2)
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} file arrived in {folder}: {list(folder.iterdir())}")


def render_with_cli(answers_file: Path, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "worksheets", "render", str(answers_file), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def test_a_patient_fills_the_form_fixes_a_mistake_and_gets_the_worksheet(
    server: Server, driver: Any, downloads: Path, tmp_path: Path
) -> None:
    driver.get(server.url)
    assert "token" not in driver.current_url  # the key went into a cookie
    assert heading(driver) == "Welcome"
    axe_clean(driver)
    shot(driver, "01-welcome")
    next_screen(driver)

    assert heading(driver) == "Your visit"
    css(driver, "#field-name").send_keys("Maria Lopez")
    css(driver, "#field-appointment").send_keys("12032026")  # the date picker, en-US
    css(driver, "#field-care_team").send_keys("Dr. Okafor")
    css(driver, "#field-helper").send_keys("my daughter Ana")
    axe_clean(driver)
    shot(driver, "02-visit")
    next_screen(driver)

    assert heading(driver) == "The cancer"
    for label in ("cancer_type-pancreatic", "spread_to-liver", "stage_of_care-starting"):
        css(driver, f'label[for="field-{label}"]').click()
    axe_clean(driver)
    shot(driver, "03-cancer")
    next_screen(driver)

    assert heading(driver) == "Treatment"
    css(driver, 'label[for="field-treatments-chemotherapy"]').click()
    css(driver, "#field-medicines").send_keys("FOLFIRINOX")
    shot(driver, "04-treatment")
    next_screen(driver)

    assert heading(driver) == "What matters most"
    for value in ("work", "travel", "eat_comfortably"):
        css(driver, f'label[for="field-priorities-{value}"]').click()
    from selenium.webdriver.support.ui import Select

    css(driver, "#field-priorities-own-1").send_keys("My garden")
    Select(css(driver, "#field-priorities-like-1")).select_by_value("activities")
    axe_clean(driver)
    shot(driver, "05-priorities")
    next_screen(driver)

    assert heading(driver) == "Put them in order"
    go(driver, 'button[value="up:eat_comfortably"]')
    ranked = [e.text for e in driver.find_elements("css selector", ".ranked")]
    assert ranked == [
        "Keeping up my work",
        "Eating without nausea or discomfort",
        "Being able to travel",
        "My garden",
    ]
    axe_clean(driver)
    shot(driver, "06-order")
    next_screen(driver)

    assert heading(driver) == "What to talk about"
    css(driver, 'label[for="field-information-details"]').click()
    css(driver, 'label[for="field-skip_topics-planning_ahead"]').click()
    shot(driver, "07-talk-about")
    next_screen(driver)

    assert heading(driver) == "How you have been feeling"
    css(driver, "#field-tiredness").send_keys("12")  # a slip of the finger
    css(driver, "#field-nausea").send_keys("5")
    next_screen(driver)
    assert heading(driver) == "How you have been feeling"
    problem = css(driver, "#problem-tiredness-1")
    assert problem.get_attribute("role") == "alert"
    assert problem.text == (
        'Please check: "12" is not a score; use a whole number from 0 (not at all) to 10 (worst)'
    )
    field = css(driver, "#field-tiredness")
    assert "problem-tiredness-1" in field.get_attribute("aria-describedby")
    assert field.get_attribute("aria-invalid") == "true"
    axe_clean(driver)
    shot(driver, "08-symptoms-mistake")
    field.clear()
    field.send_keys("7")
    next_screen(driver)

    assert heading(driver) == "Your own questions"
    css(driver, "#field-own_questions-1").send_keys("Can I still go to my son's wedding in June?")
    axe_clean(driver)
    shot(driver, "09-own-questions")
    next_screen(driver)
    for screen in screens_after("own"):  # questions no screen names yet: none today
        assert heading(driver) == screen.title
        next_screen(driver)

    assert heading(driver) == "Make your worksheet"
    page = css(driver, "main").text
    assert "Maria Lopez" in page and "Tiredness 7, Nausea 5" in page
    axe_clean(driver)
    shot(driver, "10-make")

    # The worksheet, downloaded; then the answers file; both must agree.
    css(driver, 'button[value="download"]').click()
    pdf = wait_for_file(downloads, ".pdf")
    assert pdf.name == "care-questions-2026-12-03.pdf"
    text = pdf_text(pdf)
    assert "Maria Lopez" in text
    assert "Can I still go to my son's wedding in June?" in text
    css(driver, 'button[formaction="/answers"]').click()
    saved = wait_for_file(downloads, ".yaml")
    assert saved.name == "care-answers.yaml"
    # The saved file also keeps the language the page was in.
    maria = load_answers(MARIA)
    ranked = (*maria.priorities, OwnPriority("My garden", "activities"))
    expected = with_priorities(dataclasses.replace(maria, language="en"), ranked)
    assert load_answers(saved) == expected
    assert "My garden" in text
    assert pdf_text(render_with_cli(saved, tmp_path / "cli.pdf")) == text

    # "Make my worksheet" shows it in a new tab, the form staying where it is.
    before = set(driver.window_handles)
    css(driver, 'button[value="show"]').click()
    deadline = time.monotonic() + 30
    while set(driver.window_handles) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(set(driver.window_handles) - before) == 1
    assert heading(driver) == "Make your worksheet"


def test_start_from_saved_answers_and_large_print(
    server: Server, driver: Any, downloads: Path, tmp_path: Path
) -> None:
    driver.get(server.url)
    css(driver, 'label[for="large-print"]').click()
    css(driver, "#answers_file").send_keys(str(MARIA))
    go(driver, 'button[formaction^="/answers/load"]')
    assert heading(driver) == "Make your worksheet"
    assert "large-print" in css(driver, "html").get_attribute("class")
    size = driver.execute_script(
        "return getComputedStyle(document.querySelector('.review-answer')).fontSize"
    )
    assert float(size.removesuffix("px")) >= 24
    assert "Pancreatic cancer" in css(driver, "main").text
    assert css(driver, "#large-print").is_selected()
    axe_clean(driver)
    shot(driver, "11-from-saved-large-print")
    css(driver, 'button[value="download"]').click()
    pdf = wait_for_file(downloads, ".pdf")
    cli = tmp_path / "cli.pdf"
    subprocess.run(
        [sys.executable, "-m", "worksheets", "render", str(MARIA), "--large-print", "-o", str(cli)],
        check=True,
        capture_output=True,
    )
    assert pdf_text(pdf) == pdf_text(cli)


def test_a_wrong_saved_file_is_explained(server: Server, driver: Any, tmp_path: Path) -> None:
    wrong = tmp_path / "mine.yaml"
    wrong.write_text(MARIA.read_text().replace("[work, eat_comfortably, travel]", "[wrk]"))
    driver.get(server.url)
    css(driver, "#answers_file").send_keys(str(wrong))
    go(driver, 'button[formaction^="/answers/load"]')
    problem = css(driver, "#problem-answers_file-1")
    assert problem.text == (
        'Please check: mine.yaml, line 14, priorities: "wrk" is not a priority. '
        'Did you mean "work"?'
    )
    axe_clean(driver)
    shot(driver, "12-wrong-saved-file")


def test_with_the_keyboard_alone(server: Server, driver: Any, downloads: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(*keys: str) -> None:
        ActionChains(driver).send_keys(*keys).perform()

    def focused(attribute: str = "id") -> str:
        return str(driver.execute_script(f"return document.activeElement.{attribute} || ''"))

    def enter() -> None:
        wait_for_next_page(driver, lambda: press(Keys.ENTER))

    def tab_to(wanted: str, attribute: str = "id") -> None:
        for _ in range(80):
            press(Keys.TAB)
            if focused(attribute) == wanted:
                return
        raise AssertionError(f"Tab never reached {wanted}")

    def arrow_to(wanted: str) -> None:
        for _ in range(20):
            if focused() == wanted:
                return
            press(Keys.ARROW_UP)
        raise AssertionError(f"the arrow keys never reached {wanted}")

    driver.get(server.url)
    tab_to("wording-patient")  # Tab enters a group of choices at the chosen one
    press(Keys.ARROW_DOWN)  # the arrow keys move and choose
    assert focused() == "wording-helper"
    assert driver.execute_script("return document.activeElement.checked")
    tab_to("next", "value")
    enter()
    assert heading(driver) == "Your visit"
    assert "the person you are helping" in css(driver, "main").text
    tab_to("field-name")
    press("Rosa Diaz")
    enter()  # Enter in a field goes on, as "Next" does
    assert heading(driver) == "The cancer"
    tab_to("field-cancer_type-skip")
    arrow_to("field-cancer_type-breast")
    tab_to("next", "value")
    enter()
    assert heading(driver) == "Treatment"
    tab_to("next", "value")
    enter()
    assert heading(driver) == "What matters most"
    tab_to("field-priorities-family_time")
    press(Keys.SPACE)
    tab_to("field-priorities-comfort")
    press(Keys.SPACE)
    tab_to("next", "value")
    enter()
    assert heading(driver) == "Put them in order"
    tab_to("up:comfort", "value")
    enter()
    assert [e.text for e in driver.find_elements("css selector", ".ranked")] == [
        "Being comfortable, without pain",
        "Time with my family and friends",
    ]
    for expected in ("What to talk about", "How you have been feeling", "Your own questions"):
        tab_to("next", "value")
        enter()
        assert heading(driver) == expected
    tab_to("field-own_questions-1")
    press("Can I go home for Christmas?")
    for screen in screens_after("own"):  # questions no screen names yet: none today
        tab_to("next", "value")
        enter()
        assert heading(driver) == screen.title
    tab_to("next", "value")
    enter()
    assert heading(driver) == "Make your worksheet"
    tab_to("download", "value")
    press(Keys.ENTER)
    text = pdf_text(wait_for_file(downloads, ".pdf"))
    assert "Rosa Diaz" in text and "Can I go home for Christmas?" in text
    assert "Breast" in text
