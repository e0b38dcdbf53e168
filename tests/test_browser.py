"""The web view in a real browser (headless Chromium) on the demo store: department -> finding -> article -> decision."""

from __future__ import annotations

import pytest

from plkg.demo import build_demo_store
from plkg.web import create_app

from .browser import browser_missing, chromium, running

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=browser_missing() or "")


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    store, _, _ = build_demo_store(tmp_path_factory.mktemp("browser") / "demo.kg")
    with running(create_app(store, allow_decisions=True)) as url:
        yield url, store
    store.close()


def test_department_finding_article_decision(demo_site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as seen
    from selenium.webdriver.support.ui import Select, WebDriverWait

    url, store = demo_site
    with chromium() as browser:
        wait = WebDriverWait(browser, 60)

        def find(by, value):
            return wait.until(seen.presence_of_element_located((by, value)))

        browser.get(url + "/")
        find(By.LINK_TEXT, "云溪市").click()
        find(By.LINK_TEXT, "云溪市农业农村局").click()
        wait.until(seen.text_to_be_present_in_element((By.TAG_NAME, "h1"), "云溪市农业农村局"))
        department_url = browser.current_url
        assert browser.find_elements(By.CSS_SELECTOR, "svg rect")  # the chart
        table = find(By.ID, "undecided-findings")
        stale = next(a for a in table.find_elements(By.CSS_SELECTOR, "a.finding-link") if a.text.startswith("stale_basis-"))
        finding_id = stale.text
        stale.click()
        wait.until(seen.text_to_be_present_in_element((By.TAG_NAME, "h1"), finding_id))
        finding_url = browser.current_url
        find(By.CSS_SELECTOR, "a.article-link").click()
        assert find(By.ID, "article-text").text.strip()
        assert "以该条为依据的事项" in browser.page_source
        browser.get(finding_url)
        form = find(By.CSS_SELECTOR, "form.decide-form")
        Select(form.find_element(By.NAME, "status")).select_by_value("confirmed")
        form.find_element(By.NAME, "note").send_keys("依据已废止，报法制科")
        form.find_element(By.NAME, "by").send_keys("张三")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        # the form posts, the server commits and redirects back: wait for the page to show the decision
        decision = find(By.ID, "decision")
        assert "处理决定：确认问题" in decision.text
        browser.get(department_url)
        table = find(By.ID, "undecided-findings")
        assert finding_id not in [a.text for a in table.find_elements(By.CSS_SELECTOR, "a.finding-link")]
    assert store.decisions()[finding_id].by == "张三"
