"""The parent side of a report run: which reports to write, worker processes, papermill and
nbconvert, safe file replacement and the index page.

It talks to the kernel side (:mod:`boras_intl_lib.report`) only through the notebook.
"""
