"""Build the docs site and open it in headless Chromium, as a reader would."""
import functools, http.server, json, os, re, shutil, subprocess, sys, threading
from pathlib import Path
import pytest
from conftest import ROOT

CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason='Debian chromium is not installed (tools/test.sh installs it)')

def draws_figures(stem) -> bool:
    "Whether the notebook's code draws a figure."
    src = ''.join(''.join(c['source']) for c in json.loads((ROOT/'nbs'/f'{stem}.ipynb').read_text())['cells'] if c['cell_type'] == 'code')
    return bool(re.search(r'show_images\(|plt\.|\.plot\(|_demo\(|similarity_bars\(', src))

def titles():
    "Notebook stem -> its '# Title'."
    out = {}
    for nb in (ROOT/'nbs').glob('[0-9i]*.ipynb'):
        for c in json.loads(nb.read_text())['cells']:
            src = ''.join(c['source'])
            if c['cell_type'] == 'markdown' and src.startswith('# '):
                out[nb.stem] = src.splitlines()[0][2:].strip(); break
    return out

@pytest.fixture(scope='module')
def site():
    executed = os.environ.get('DALLE_EDU_EXECUTED')   # tools/test.sh: the outputs of its nbdev_test run; else execute here
    subprocess.run([sys.executable, 'docs/build.py', *(['--executed', executed] if executed else [])], cwd=ROOT, check=True, timeout=1200)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    handler = functools.partial(Quiet, directory=str(ROOT/'docs'/'_site'))
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{srv.server_address[1]}'
    srv.shutdown()

@pytest.fixture(scope='module')
def page(site):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'])
        yield browser.new_page()
        browser.close()

@pytest.mark.parametrize('stem,title', sorted(titles().items()))
def test_chapter_renders_title_and_images(site, page, stem, title):
    page.goto(f'{site}/{stem}.html')
    h1 = page.locator('h1').first.inner_text().strip().rstrip('#').strip()
    assert h1.replace('\u2019', "'") == title        # the renderer typesets ' as a curly quote
    imgs = page.locator('article img')
    page.wait_for_load_state('load')
    widths = [imgs.nth(i).evaluate('i => i.complete ? i.naturalWidth : 0') for i in range(imgs.count())]
    assert all(w > 0 for w in widths), f'{stem}: an image did not load {widths}'
    assert bool(widths) == draws_figures(stem), f'{stem}: {len(widths)} images'

def test_math_is_rendered(site, page):
    page.goto(f'{site}/00_shapes.html')
    page.wait_for_selector('mjx-container', timeout=30000)
    assert page.locator('mjx-container').count() >= 3

def test_api_reference_from_show_doc(site, page):
    page.goto(f'{site}/00_shapes.html')
    text = page.locator('article').inner_text()
    for name in ('render', 'sample_scenes', 'describe', 'Scene'): assert re.search(rf'\b{name}\b\s*\(', text), name

def test_search_finds_the_probe(site, page):
    page.goto(f'{site}/search.html?q=probe')
    page.wait_for_selector('ul.search li', timeout=30000)
    assert '03_evaluation' in page.locator('ul.search').inner_html()
