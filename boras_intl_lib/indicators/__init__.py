"""Indicator data: publisher files (V-Dem, OWID, Freedom House, WGI, plain long CSV) and the
bundled V-Dem excerpt, read into one long table of country × year × indicator values."""
