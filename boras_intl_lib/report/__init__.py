"""The kernel side of a report: data, tables, sections, findings, charts, display, workbook.

Everything here runs inside the notebook kernel that papermill starts; the parent process
(:mod:`boras_intl_lib.runner`) never imports it.
"""
