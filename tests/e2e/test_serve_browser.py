"""``ki serve`` in a real browser: Debian's Chromium driven by Selenium through the page as a coordinator uses it.

A real ``ki serve`` process on a copy of the bundled concepts; every wait is an explicit condition (no
sleeps). Without Chromium and chromedriver (``apt-get install -y chromium chromium-driver``) or Selenium
these tests skip with the reason. With ``KI_SCREENSHOT=1`` the first test saves the README's screenshot
(``docs/img/ki-serve.png``) and, beside it in the temporary folder, one at 200 % zoom.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ki_cli.check.load import load_bytes
from ki_cli.format import vocab
from tests.helpers import CONCEPTS, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
pytest.importorskip("starlette", reason="the editor extra is not installed")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip("no chromium/chromedriver (apt-get install -y chromium chromium-driver)", allow_module_level=True)

from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

EXAMPLE = "beispielstadt/2025-2026.yaml"
WAIT = 30  # seconds an explicit wait may take before the test fails (a stuck page, not a slow one)


def chrome_options(profile: str, downloads: str, zoom: float = 1.0) -> Any:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        # 200 % zoom is half the CSS viewport at twice the pixels, as a browser zoomed in lays out
        f"--window-size={round(1400 / zoom)},{round(1000 / zoom)}",
        f"--force-device-scale-factor={zoom}",
    ):
        options.add_argument(flag)
    options.set_capability("unhandledPromptBehavior", "accept")  # a page left unsaved by a failed test
    options.add_experimental_option(
        "prefs", {"download.default_directory": downloads, "download.prompt_for_download": False}
    )
    return options


def start_browser(downloads: Path, zoom: float = 1.0) -> Any:
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="ki-chromium-")
    driver = webdriver.Chrome(options=chrome_options(profile, str(downloads), zoom), service=Service(CHROMEDRIVER))
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.profile_dir = profile
    return driver


def stop_browser(driver: Any) -> None:
    driver.quit()
    shutil.rmtree(driver.profile_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    driver = start_browser(downloads)
    yield driver
    stop_browser(driver)


class Server:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ki_cli", "serve", "--port", "0", "--no-browser", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "KI_LANG": "de"},
            cwd=folder.parent,
        )
        line: list[str] = []
        reader = threading.Thread(
            target=lambda: line.append(self.process.stdout.readline() if self.process.stdout else "")
        )
        reader.start()
        reader.join(WAIT)
        match = re.match(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", line[0] if line else "")
        if match is None:
            self.process.kill()
            raise AssertionError(
                f"ki serve printed no address: {line!r} {self.process.stderr.read() if self.process.stderr else ''}"
            )
        self.base, self.token = match.group(1), match.group(2)

    def url(self, path: str) -> str:
        return f"{self.base}{path}?token={self.token}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    folder = tmp_path / "konzepte"
    shutil.copytree(CONCEPTS, folder)
    running = Server(folder)
    yield running
    running.stop()


def wait(driver: Any, condition: Any, message: str = "") -> Any:
    return WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)


def open_editor(driver: Any, server: Server, path: str = EXAMPLE) -> None:
    driver.get(server.url(f"/edit/{path}"))
    wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"), "the page got ready")


def by_name(driver: Any, name: str) -> Any:
    return driver.find_element(By.CSS_SELECTOR, f'[name="{name}"]')


def findings_beside(driver: Any, path: str) -> str:
    return str(
        driver.execute_script(
            "var b = document.getElementById(arguments[0]); return b ? b.textContent : '';", "m:" + path
        )
    )


def leads(text: str) -> tuple[str, str, str]:
    """A measure's path and two partners for its lead: one of the Regelsystem it has no agreement with
    (KI313), and one outside the Regelsystem (no finding)."""
    data = load_bytes(text.encode()).data
    agreements = {v["id"]: v["partner"] for v in data["vereinbarungen"]}
    regular = [p["id"] for p in data["partner"] if p["art"] in vocab.REGELSYSTEM]
    other = next(p["id"] for p in data["partner"] if p["art"] not in vocab.REGELSYSTEM)
    for i, sp in enumerate(data["schwerpunkte"]):
        for j, m in enumerate(sp["massnahmen"]):
            if m["federfuehrung"] == vocab.KI and m.get("stufe") != "regelpraxis":
                partner = next(p for p in regular if agreements.get(m.get("vereinbarung")) != p)
                return f"schwerpunkte[{i}].massnahmen[{j}].federfuehrung", partner, other
    raise AssertionError("no measure led by the KI")


def saved(driver: Any) -> None:
    driver.find_element(By.ID, "save").click()
    wait(driver, lambda d: d.find_element(By.ID, "save-status").text.startswith("Gespeichert um"), "saved")


def test_a_lead_without_agreement_shows_ki313_beside_the_field_and_the_fix_is_saved_with_comments_intact(
    browser, server
):
    before = (server.folder / EXAMPLE).read_text(encoding="utf-8")
    path, regular, other = leads(before)
    open_editor(browser, server)
    Select(by_name(browser, path)).select_by_value(regular)
    wait(browser, lambda d: "KI313" in findings_beside(d, path), "KI313 beside the lead")
    assert by_name(browser, path).get_attribute("aria-invalid") == "true"
    assert "Warnung" in browser.find_element(By.ID, "summary").text
    if os.environ.get("KI_SCREENSHOT"):
        screenshots(browser, server, path, regular)
    Select(by_name(browser, path)).select_by_value(other)
    wait(browser, lambda d: "KI313" not in findings_beside(d, path), "KI313 gone after the fix")
    saved(browser)
    after = (server.folder / EXAMPLE).read_text(encoding="utf-8")
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert len(changed) == 1
    assert changed[0][0].replace("federfuehrung: ki", f"federfuehrung: {other}") == changed[0][1]
    assert [line for line in old_lines if line.lstrip().startswith("#")] == [
        line for line in new_lines if line.lstrip().startswith("#")
    ]


def preview_shown(driver: Any) -> bool:
    frame = driver.find_element(By.ID, "preview")
    if not frame.is_displayed():
        return False
    driver.switch_to.frame(frame)
    try:
        return bool(driver.find_element(By.TAG_NAME, "body").text.strip())
    finally:
        driver.switch_to.default_content()


def screenshots(driver: Any, server: Server, path: str, partner: str) -> None:
    """The README's picture (KI313 beside the field) and, for a look at the layout, the same at 200 % zoom."""
    target = ROOT / "docs" / "img" / "ki-serve.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    element = by_name(driver, path)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    wait(driver, preview_shown, "the preview")
    driver.save_screenshot(str(target))
    zoomed = start_browser(Path(tempfile.mkdtemp()), zoom=2.0)
    try:
        open_editor(zoomed, server)
        zoomed.save_screenshot(str(Path(tempfile.gettempdir()) / "ki-serve-200-top.png"))
        Select(by_name(zoomed, path)).select_by_value(partner)
        wait(zoomed, lambda d: "KI313" in findings_beside(d, path), "KI313 at 200 %")
        zoomed.execute_script("arguments[0].scrollIntoView({block: 'start'});", by_name(zoomed, path))
        zoomed.save_screenshot(str(Path(tempfile.gettempdir()) / "ki-serve-200.png"))
    finally:
        stop_browser(zoomed)


def test_adding_a_schwerpunkt_adds_an_entry_to_the_form_and_the_file(browser, server):
    open_editor(browser, server)
    count = len(load_bytes((server.folder / EXAMPLE).read_bytes()).data["schwerpunkte"])
    add = browser.find_element(By.CSS_SELECTOR, 'button[data-action="insert"][data-list="schwerpunkte"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", add)
    add.click()
    title = f"schwerpunkte[{count}].titel"
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, f'[name="{title}"]'), "the new Schwerpunkt's title")
    field = by_name(browser, title)
    field.send_keys("Demokratie stärken")
    wait(
        browser,
        lambda d: "Demokratie stärken" in d.find_element(By.ID, "yaml").get_property("value"),
        "typed into the text",
    )
    saved(browser)
    data = load_bytes((server.folder / EXAMPLE).read_bytes()).data
    assert len(data["schwerpunkte"]) == count + 1
    assert data["schwerpunkte"][count]["titel"] == "Demokratie stärken"


def test_the_docx_download_is_the_proposal(browser, server, downloads):
    import docx

    open_editor(browser, server)
    for old in downloads.iterdir():
        old.unlink()
    browser.find_element(By.CSS_SELECTOR, 'button[data-download="docx"]').click()
    wait(
        browser,
        lambda d: [p for p in downloads.iterdir() if p.suffix == ".docx"] and not list(downloads.glob("*.crdownload")),
        "the DOCX downloaded",
    )
    (document,) = [p for p in downloads.iterdir() if p.suffix == ".docx"]
    text = "\n".join(p.text for p in docx.Document(str(document)).paragraphs)
    assert "Beispielstadt" in text


def test_a_file_with_a_syntax_error_opens_in_the_text_view_with_the_finding(browser, server):
    (server.folder / "kaputt.yaml").write_text("version: 1\nkommune:\n  name: [Stadt\n", encoding="utf-8")
    open_editor(browser, server, "kaputt.yaml")
    assert browser.find_element(By.ID, "yaml").is_displayed()
    assert not browser.find_element(By.ID, "form").is_displayed()
    wait(browser, lambda d: "Zeile" in d.find_element(By.ID, "line-findings").text, "the finding at its line")
    assert "Fehler" in browser.find_element(By.ID, "summary").text


def test_a_finding_in_the_list_jumps_to_its_field(browser, server):
    text = (server.folder / EXAMPLE).read_text(encoding="utf-8")
    (server.folder / EXAMPLE).write_text(
        text.replace("  name: Stadt Beispielstadt\n", "  name: \n", 1), encoding="utf-8"
    )
    open_editor(browser, server)
    button = wait(
        browser, lambda d: d.find_element(By.CSS_SELECTOR, "#finding-list button.sev-error"), "an error in the list"
    )
    button.send_keys(Keys.ENTER)
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("name") == "kommune.name", "focus on the field")


def test_saving_over_a_file_changed_on_disk_offers_to_keep_a_copy(browser, server):
    open_editor(browser, server)
    on_disk = server.folder / EXAMPLE
    on_disk.write_text(on_disk.read_text(encoding="utf-8") + "# von anderswo geändert\n", encoding="utf-8")
    field = by_name(browser, "zentrum.leitung")
    field.send_keys(" und Team")
    wait(browser, lambda d: "und Team" in d.find_element(By.ID, "yaml").get_property("value"), "the edit applied")
    browser.find_element(By.ID, "save").click()
    wait(browser, lambda d: d.find_element(By.ID, "conflict").is_displayed(), "the conflict dialog")
    assert "von anderswo" in on_disk.read_text(encoding="utf-8")
    browser.find_element(By.ID, "conflict-copy").click()
    copy = server.folder / "beispielstadt" / "2025-2026-kopie.yaml"
    wait(
        browser,
        lambda d: (
            "2025-2026-kopie.yaml" in d.current_url
            and d.execute_script("return document.body.dataset.ready === 'true'")
        ),
        "the copy opened",
    )
    assert "Aylin Demir und Team" in copy.read_text(encoding="utf-8")


def leaving_asks(driver: Any) -> bool:
    return bool(
        driver.execute_script(
            "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"
        )
    )


def test_leaving_with_unsaved_changes_asks_first(browser, server):
    open_editor(browser, server)
    assert not leaving_asks(browser)
    by_name(browser, "zentrum.telefon").send_keys("9")
    assert leaving_asks(browser)
    wait(browser, lambda d: "4500" + "9" in d.find_element(By.ID, "yaml").get_property("value"), "the edit applied")
    assert browser.find_element(By.ID, "save-status").text == "Nicht gespeichert"
    saved(browser)
    assert not leaving_asks(browser)


def test_a_new_concept_from_the_starter_opens_in_the_editor(browser, server):
    browser.get(server.url("/"))
    path = browser.find_element(By.ID, "new-path")
    path.clear()
    path.send_keys("2027-2028.yaml")
    browser.find_element(By.ID, "new-kommune").send_keys("Stadt Hamm")
    browser.find_element(By.CSS_SELECTOR, "#new-form button[type=submit]").click()
    wait(browser, lambda d: "/edit/2027-2028.yaml" in d.current_url, "the new file opened")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"), "the page got ready")
    assert by_name(browser, "kommune.name").get_attribute("value") == "Stadt Hamm"
    assert "Stadt Hamm" in (server.folder / "2027-2028.yaml").read_text(encoding="utf-8")


def test_a_field_is_reached_edited_and_saved_with_the_keyboard_alone(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains

    open_editor(browser, server)
    keys = ActionChains(browser)
    for _ in range(60):  # the skip link, the header, the views, the section links, then the first field
        keys.send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element.get_attribute("name") == "kommune.name":
            break
    assert browser.switch_to.active_element.get_attribute("name") == "kommune.name"
    keys.send_keys(Keys.END, " (Tastatur)").perform()
    wait(browser, lambda d: "Beispielstadt (Tastatur)" in d.find_element(By.ID, "yaml").get_property("value"), "typed")
    keys.key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
    wait(browser, lambda d: d.find_element(By.ID, "save-status").text.startswith("Gespeichert um"), "saved with Ctrl+S")
    assert "name: Stadt Beispielstadt (Tastatur)\n" in (server.folder / EXAMPLE).read_text(encoding="utf-8")


def test_a_finding_inside_a_long_lists_closed_entry_opens_it_and_focuses_the_field(browser, server):
    text = (server.folder / EXAMPLE).read_text(encoding="utf-8")
    extra = "".join(
        f"      - id: m-extra-{n}\n        titel: Zusatz {n}\n        stufe: {'regelpraxis' if n == 30 else 'initiative'}\n"
        "        federfuehrung: ki\n"
        for n in range(40)
    )
    at = text.index("    massnahmen:\n") + len("    massnahmen:\n")
    (server.folder / "lang.yaml").write_text(text[:at] + extra + text[at:], encoding="utf-8")
    open_editor(browser, server, "lang.yaml")
    assert browser.find_element(By.ID, "p:schwerpunkte[0].massnahmen").is_displayed()
    path = "schwerpunkte[0].massnahmen[30].federfuehrung"
    assert not browser.find_elements(By.CSS_SELECTOR, f'[name="{path}"]')
    button = wait(
        browser,
        lambda d: next(
            (b for b in d.find_elements(By.CSS_SELECTOR, "#finding-list button") if "KI314" in b.text), None
        ),
        "KI314 in the list",
    )
    button.click()
    wait(
        browser,
        lambda d: d.switch_to.active_element.get_attribute("name") == path,
        "focus on the field in the opened entry",
    )
    assert "KI314" in findings_beside(browser, path)
