"""Indicator data: the bundled V-Dem v16 data (via OWID, 2000–2025) and publisher files
(V-Dem, OWID, Freedom House, WGI, plain long or wide CSV), one module per layout with a
registry of format names, read into one long table of country × year × indicator values."""
