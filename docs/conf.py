"""Sphinx configuration of the dalle_edu docs site (built by docs/build.py from the notebooks in nbs/)."""
project = 'dalle_edu'
author = 'dalle_edu developers'
copyright = '2026 onwards, dalle_edu developers'
extensions = ['myst_nb', 'sphinx-mathjax-offline']   # MathJax served from the site itself: no CDN needed
html_theme = 'furo'
html_title = 'dalle_edu'
html_static_path = []
exclude_patterns = ['_build', '**.ipynb_checkpoints']
myst_enable_extensions = ['dollarmath', 'amsmath', 'colon_fence']
myst_heading_anchors = 3
nb_execution_mode = 'force'            # run every chapter in a Jupyter kernel, so figures are fresh ('off' with build.py --executed)
nb_execution_timeout = 900
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_render_markdown_format = 'myst'     # show_doc's markdown output becomes the API reference
nb_merge_streams = True
suppress_warnings = ['mystnb.unknown_mime_type', 'myst.header']
