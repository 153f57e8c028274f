"""The web app in a real browser: Debian's chromium, headless, driven by selenium through
Debian's chromedriver, against uvicorn on 127.0.0.1.

As a user would: choose files in the file inputs, click the button, wait, read what the page
shows (the coverage table with its names, the verdicts, the criteria, the batch table and its
finished progress), and use the evidence filter. This is what the TestClient tests cannot
check: that the pages' own scripts run under the Content-Security-Policy and do what they say.
One server and one browser for the module. Nothing is downloaded: selenium is given
/usr/bin/chromedriver and /usr/bin/chromium explicitly (selenium-manager is not run), and the
tests skip when either is missing. With ALIGNMENT_SCREENSHOTS=DIR each page is saved as
DIR/serve-*.png (the README's screenshots).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

# Debian's packages, by path: never a driver or browser that something else put on PATH.
CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None)
CHROMEDRIVER = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                                reason="Debian's chromium and chromium-driver are not installed "
                                       "(apt-get install chromium chromium-driver)")

from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from uninfo_files import kandara_rows, write_xlsx  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK_PDF = ROOT / "corpora/frameworks/kandara-unsdcf/kandara-unsdcf.pdf"
FRAMEWORK = ROOT / "corpora/frameworks/kandara-unsdcf/kandara-unsdcf.md"
DWCP = ROOT / "corpora/dwcp/kandara-dwcp/kandara-dwcp.md"
PROPOSAL = ROOT / "corpora/proposals/kandara-osh-proposal/kandara-osh-proposal.md"
WAIT = 90  # seconds: a first analysis loads the rule pack


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from alignment.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(tmp_root=str(tmp_path_factory.mktemp("uploads")), batch_workers=2)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--window-size=1280,1000", "--hide-scrollbars",
                f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


def shoot(driver, name: str) -> None:
    folder = os.environ.get("ALIGNMENT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"serve-{name}.png"))


def submit(driver, url: str, files: dict[str, Path | list[Path]], **choices: str) -> None:
    """Open a form, choose the files, set the selects and text fields, click its button."""
    driver.get(url)
    for name, paths in files.items():
        paths = paths if isinstance(paths, list) else [paths]
        driver.find_element(By.ID, name).send_keys("\n".join(str(p) for p in paths))
    for name, value in choices.items():
        field = driver.find_element(By.ID, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()


def wait_for(driver, css: str, seconds: float = WAIT):
    return WebDriverWait(driver, seconds).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_check_report_and_its_evidence_filter(server, browser):
    submit(browser, f"{server}/check", {"file": FRAMEWORK_PDF})
    wait_for(browser, "#row-SO3")
    assert "/report/" in browser.current_url
    rows = {r.get_attribute("id")[4:]: r.text for r in browser.find_elements(By.CSS_SELECTOR, "tr[id^=row-]")}
    assert {"SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN", "CC-ENV"} <= set(rows)
    assert "Social protection" in rows["SO3"] and "Employment" in rows["SO2"]  # names, not codes alone
    assert any(word in rows["SO3"].lower() for word in ("committed", "mentioned", "absent"))
    # the filter is filled by the app's script (it ran under the CSP) and hides the other categories
    box = browser.find_element(By.ID, "filter-box")
    assert box.is_displayed()
    groups = browser.find_elements(By.CSS_SELECTOR, "#evidence [data-category]")
    categories = {g.get_attribute("data-category") for g in groups}
    assert {"SO2", "SO3"} <= categories
    assert sum(g.is_displayed() for g in groups) == len(groups)
    Select(browser.find_element(By.ID, "evidence-filter")).select_by_value("SO3")
    shown = [g.get_attribute("data-category") for g in groups if g.is_displayed()]
    assert shown == ["SO3"]
    Select(browser.find_element(By.ID, "evidence-filter")).select_by_value("")
    assert all(g.is_displayed() for g in groups)
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".app-bar a")]
    assert {"JSON", "Markdown", "HTML", "CSV", "Text"} <= set(links)
    browser.execute_script("window.scrollTo(0, 0)")
    shoot(browser, "check")


def test_check_form_options_type_and_plan(server, browser, tmp_path):
    submit(browser, f"{server}/check", {"file": DWCP}, doc_type="unsdcf")
    wait_for(browser, "#row-SO1")
    kind = browser.find_element(By.XPATH, "//dt[text()='Type']/following-sibling::dd").text
    assert kind == "UN Sustainable Development Cooperation Framework"  # a DWCP, read as the user said
    export = write_xlsx(tmp_path / "Africa__work.xlsx", kandara_rows())
    submit(browser, f"{server}/check", {"file": export})
    plans = [li.text for li in wait_for(browser, "#plans").find_elements(By.TAG_NAME, "li")]
    assert plans == ["Kandara: Kandara Cooperation Framework 2023-2027", "Tavira: Tavira UNSDCF"]
    assert "2 plans in the export" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    submit(browser, f"{server}/check", {"file": export}, country="Kandara")
    wait_for(browser, "#row-SO3")
    assert "Kandara Cooperation Framework" in browser.page_source


def test_compare_verdicts_fit_1280(server, browser):
    submit(browser, f"{server}/compare", {"dwcp": DWCP, "framework": FRAMEWORK})
    wait_for(browser, "#priorities")
    priorities = browser.find_elements(By.CSS_SELECTOR, "#priorities h3")
    assert len(priorities) == 4 and priorities[0].text.startswith("Priority 1:")
    verdicts = [p.find_element(By.CSS_SELECTOR, ".badge").text for p in priorities]
    assert all(v in ("Fully reflected", "Partly reflected", "Weakly reflected", "Not reflected") for v in verdicts), verdicts
    assert "Kept:" in browser.find_element(By.ID, "priorities").text
    assert browser.find_element(By.ID, "matrix").is_displayed()
    # the matrix is readable at 1280 px: no horizontal scrolling of the page
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    shoot(browser, "compare")


def test_appraise_criteria_and_fixes(server, browser):
    submit(browser, f"{server}/appraise", {"proposal": PROPOSAL, "dwcp": DWCP})
    wait_for(browser, "#verdicts")
    rows = browser.find_elements(By.CSS_SELECTOR, "#verdicts tr[data-criterion]")
    names = [r.find_element(By.TAG_NAME, "a").text for r in rows]
    assert "Tripartism" in names and "Labour standards" in names and "Gender equality" in names
    verdicts = [(r.get_attribute("data-verdict"), r.find_element(By.CSS_SELECTOR, ".badge").text) for r in rows]
    assert len(rows) == 11 and all(v in ("pass", "weak", "absent") and shown == v for v, shown in verdicts)
    assert browser.find_element(By.ID, "fixes").is_displayed() and browser.find_element(By.ID, "overall").is_displayed()
    assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".app-bar a")].count("Word") == 1
    shoot(browser, "appraise")


def test_batch_progress_then_table(server, browser, tmp_path):
    garbage = tmp_path / "minutes.pdf"
    garbage.write_bytes(b"this is not a PDF")
    files = [FRAMEWORK_PDF, DWCP, PROPOSAL, ROOT / "corpora/dwcp/kandara-dwcp/kandara-dwcp.txt", garbage]
    files = [p for p in files if p.exists()]
    submit(browser, f"{server}/batch", {"files": files})
    running = wait_for(browser, "#batch-progress")
    assert running.get_attribute("data-state") in ("queued", "starting", "running")  # the run is under way
    # the page follows the run (batch.js polls the status) and shows the table when it is done
    table = wait_for(browser, "#batch-table")
    bar = browser.find_element(By.CSS_SELECTOR, "#batch-progress progress")
    assert bar.get_attribute("value") == bar.get_attribute("max") == str(len(files))
    assert browser.find_element(By.ID, "batch-progress-text").text.startswith(f"Finished: {len(files)} of {len(files)}")
    rows = table.find_elements(By.TAG_NAME, "tr")[1:]
    errors = browser.find_elements(By.CSS_SELECTOR, "#batch-errors tr")[1:]
    assert len(rows) + len(errors) == len(files)
    assert [e.find_elements(By.TAG_NAME, "td")[0].text for e in errors] == ["minutes.pdf"]
    assert "not a readable PDF" in errors[0].text
    assert {r.find_elements(By.TAG_NAME, "td")[0].text for r in rows} >= {FRAMEWORK_PDF.name, DWCP.name, PROPOSAL.name}
    spread = browser.find_element(By.ID, "batch-spread").text
    assert "all four objectives" in spread and "three" in spread
    assert "named" in browser.find_element(By.ID, "batch-partners").text
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#batch-downloads a")]
    assert links[0] == "All files (zip)" and {"documents.csv", "errors.csv", "results.xlsx", "summary.md"} <= set(links)
    shoot(browser, "batch")
